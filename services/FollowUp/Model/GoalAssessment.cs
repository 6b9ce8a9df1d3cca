namespace Medborgare.FollowUp.Model;

/// <summary>
/// A goal's assessment for one period: the proposal computed from its indicators and the responsible officer's
/// override with an analysis text. Both are kept, each with who and when.
/// </summary>
public sealed class GoalAssessment
{
    public Guid GoalId { get; set; }
    public int Period { get; set; }
    public Assessment? Proposed { get; set; }
    public required string ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public Assessment? Override { get; set; }
    public string? AnalysisText { get; set; }
    public string? OverriddenBy { get; set; }
    public DateTimeOffset? OverriddenAt { get; set; }

    public Assessment? Effective => Override ?? Proposed;
}

/// <summary>Who changed what, and when (DESIGN §2, "Audit"): goals, targets, assessments and imports.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
