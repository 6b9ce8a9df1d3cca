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
    /// <summary>Set by <c>SurveyClosed</c>: fieldwork is over. Results stay preliminary until the analyst publishes them.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>When the analyst last published the year's results (see <see cref="PublishedIndicator"/>).</summary>
    public DateTimeOffset? ResultsPublishedAt { get; set; }
    /// <summary>The analyst asked that answers counted after publishing republish the results, until the survey closes.</summary>
    public bool KeepPublishedCurrent { get; set; }
}
