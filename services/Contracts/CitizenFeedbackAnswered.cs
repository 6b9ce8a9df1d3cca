namespace Medborgare.Contracts;

/// <summary>
/// A synpunkt's case was answered: when, by which committee, and whether within the response time. Carries no text and no
/// contact details. FollowUp counts it for the share answered in time and the median response time of its goal area.
/// </summary>
public sealed record CitizenFeedbackAnswered
{
    public required Guid FeedbackId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string Category { get; init; }
    public string? GoalArea { get; init; }
    public required string Committee { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
    /// <summary>The last day of the response time, in Sweden's calendar.</summary>
    public required DateOnly DueDate { get; init; }
    /// <summary>Working days from the day it was received to the day it was answered.</summary>
    public required int WorkingDays { get; init; }
    public required bool InTime { get; init; }
}
