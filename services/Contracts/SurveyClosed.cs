namespace Medborgare.Contracts;

public sealed record SurveyClosed
{
    public required Guid SurveyId { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
