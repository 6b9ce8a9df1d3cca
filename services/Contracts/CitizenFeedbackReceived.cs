namespace Medborgare.Contracts;

/// <summary>Open feedback (synpunkt). Personal data in the text is already masked.</summary>
public sealed record CitizenFeedbackReceived
{
    public required Guid FeedbackId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string Category { get; init; }
    public string? GoalArea { get; init; }
    public string? District { get; init; }
    public required string MaskedText { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
}
