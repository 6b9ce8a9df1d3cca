namespace Medborgare.Contracts;

/// <summary>A survey's questionnaire was frozen and the survey opened for answers.</summary>
public sealed record SurveyPublished
{
    public required Guid SurveyId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required int Year { get; init; }
    public required QuestionnaireSnapshot Questionnaire { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
