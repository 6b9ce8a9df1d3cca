using Medborgare.ApiContracts.Collection;

namespace Medborgare.Collection.Model;

/// <summary>
/// Synpunkt: open feedback from anyone, and the case (ärende) it becomes: received, routed to a committee (nämnd), answered
/// within the response time, closed. The text and the answer are stored masked; contact details only with consent, and
/// only until the case has been closed for the retention period.
/// </summary>
public sealed class CitizenFeedback
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Category { get; set; }
    public string? GoalArea { get; set; }
    public string? District { get; set; }
    public required string MaskedText { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>Kvittensnummer: lets the sender follow the case without giving contact details.</summary>
    public required string Receipt { get; set; }
    public CaseChannel Channel { get; set; }
    public CaseStatus Status { get; set; }
    /// <summary>The committee the goal chain proposed when the case arrived.</summary>
    public string? ProposedCommittee { get; set; }
    public string? Committee { get; set; }
    public string? AssignedTo { get; set; }
    /// <summary>The last day of the response time, counted in working days in Sweden's calendar.</summary>
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public string? Answer { get; set; }
    public int? WorkingDaysTaken { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ContactPurgedAt { get; set; }
    /// <summary>PostgreSQL's xmin: two caseworkers changing one case at once cannot overwrite each other.</summary>
    public uint Version { get; set; }

    public List<CaseEventEntry> Events { get; set; } = [];

    public bool HasContact => ContactName is not null || ContactEmail is not null || ContactPhone is not null;
}

/// <summary>One line of a case's audit trail: who did what, when.</summary>
public sealed class CaseEventEntry
{
    public long Id { get; set; }
    public Guid FeedbackId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public CaseEventKind Kind { get; set; }
    public string? Detail { get; set; }
}
