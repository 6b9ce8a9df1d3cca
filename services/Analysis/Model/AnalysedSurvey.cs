namespace Medborgare.Analysis.Model;

/// <summary>A published survey whose responses Analysis collects and analyses.</summary>
public sealed class AnalysedSurvey
{
    public Guid SurveyId { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public required string TitleSv { get; set; }
    /// <summary>The questionnaire snapshot (questions, scales, index model), as JSON.</summary>
    public required string Questionnaire { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}
