namespace Medborgare.FollowUp.Model;

/// <summary>
/// Uppdrag: what the politicians (KF, KS or a committee) ask the responsible committee to do under a goal, by a deadline.
/// The prompt, when there is one, is the citizen indicator or priority factor that led to it, with its values at the time.
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public Guid GoalId { get; set; }
    public required string Title { get; set; }
    public string Text { get; set; } = "";
    public required string GivenBy { get; set; }
    public required string ResponsibleCommittee { get; set; }
    public DateOnly Deadline { get; set; }
    public WorkStatus Status { get; set; }
    public int? PromptSurveyYear { get; set; }
    public string? PromptIndicatorKey { get; set; }
    public string? PromptOverallKey { get; set; }
    public string? PromptFactorKey { get; set; }
    public string? PromptFactorName { get; set; }
    public double? PromptScore { get; set; }
    public double? PromptEffect { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// An activity of an action plan (handlingsplan): under an uppdrag or directly under a nämndmål, with an owner, dates and the
/// indicators (mätetal) that show its effect. Exactly one of <see cref="AssignmentId"/> and <see cref="GoalId"/> is set.
/// </summary>
public sealed class PlanActivity
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public Guid? AssignmentId { get; set; }
    public Guid? GoalId { get; set; }
    public required string Title { get; set; }
    public required string Owner { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public WorkStatus Status { get; set; }
    public List<Guid> IndicatorIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Återrapportering: the responsible officer's report on an uppdrag for one year and follow-up period.</summary>
public sealed class AssignmentReport
{
    public Guid Id { get; set; }
    public Guid AssignmentId { get; set; }
    public int Year { get; set; }
    public ReportPeriod Period { get; set; }
    public required string Done { get; set; }
    public WorkStatus Status { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}
