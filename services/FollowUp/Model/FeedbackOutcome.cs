namespace Medborgare.FollowUp.Model;

/// <summary>
/// How a synpunkt's case was answered (from <c>CitizenFeedbackAnswered</c>): by which committee, after how many working
/// days, and whether within the response time. Kept apart from <see cref="Feedback"/>, keyed by the same id, because the
/// two messages may arrive in either order. A later answer to the same case replaces the earlier one.
/// </summary>
public sealed class FeedbackOutcome
{
    public Guid FeedbackId { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Category { get; set; }
    public string? GoalArea { get; set; }
    public required string Committee { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    /// <summary>The last day of the response time, in Sweden's calendar.</summary>
    public DateOnly DueDate { get; set; }
    public int WorkingDays { get; set; }
    public bool InTime { get; set; }
}
