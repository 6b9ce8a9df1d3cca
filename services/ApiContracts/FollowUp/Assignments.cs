using System.Text.Json.Serialization;

namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's uppdrag and action plans (handlingsplaner): politicians decide WHAT (an uppdrag under a goal, often prompted by a
// citizen priority), the administration decides HOW (activities with owners, dates and mätetal) and reports back
// (återrapportering) at each follow-up period. Routes: /api/assignments, /api/assignments/{id}/activities,
// /api/goals/{id}/activities, /api/assignments/{id}/reports/{year}/{kind}, /api/followup/period-report/{year}/{kind}.

/// <summary>Ej påbörjat, pågår, klart, avbrutet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkStatus>))]
public enum WorkStatus { NotStarted, InProgress, Done, Cancelled }

/// <summary>The follow-up periods: delårsrapport (to 31 August) and årsredovisning (the whole year).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportPeriod>))]
public enum ReportPeriod { Interim, Annual }

/// <summary>Why an activity or uppdrag counts as late; <c>None</c> when it does not.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Lateness>))]
public enum Lateness { None, NotStarted, PastEnd }

/// <summary>What prompted an uppdrag: a citizen indicator, or a factor of the priority matrix ("Prioritera!"), as it stood that year.</summary>
public sealed record AssignmentPrompt(int? SurveyYear, string? IndicatorKey, string? OverallKey, string? FactorKey, string? FactorName,
    double? Score, double? Effect);

/// <summary>Given by KF (kommunfullmäktige), KS (kommunstyrelsen) or a committee, to the committee responsible.</summary>
public sealed record AssignmentRequest(Guid? GoalId, string? Title, string? Text, string? GivenBy, string? ResponsibleCommittee, DateOnly? Deadline,
    WorkStatus? Status, AssignmentPrompt? Prompt);

public sealed record AssignmentDto(Guid Id, Guid GoalId, string GoalTitle, Guid? GoalAreaId, string Title, string Text, string GivenBy,
    string ResponsibleCommittee, DateOnly Deadline, WorkStatus Status, Lateness Lateness, AssignmentPrompt? Prompt,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An activity of an action plan, under an uppdrag or a nämndmål, with the indicators (mätetal) that show its effect.</summary>
public sealed record ActivityRequest(string? Title, string? Owner, DateOnly? Start, DateOnly? End, WorkStatus? Status, Guid[]? IndicatorIds);

public sealed record ActivityDto(Guid Id, Guid? AssignmentId, Guid? GoalId, string Title, string Owner, DateOnly Start, DateOnly End,
    WorkStatus Status, Lateness Lateness, Guid[] IndicatorIds, DateTimeOffset UpdatedAt);

/// <summary>An action plan as of <c>Today</c> (the day lateness is judged on).</summary>
public sealed record ActionPlanDto(Guid? AssignmentId, Guid? GoalId, string Title, string ResponsibleCommittee, DateOnly Today, ActivityDto[] Activities);

/// <summary>Återrapportering: what was done in the period, and the status it leaves the uppdrag in.</summary>
public sealed record AssignmentReportRequest(string? Done, WorkStatus? Status);

/// <summary>How an indicator moved in the period; citizen figures come from the published results, synpunkter figures from the cases.</summary>
public sealed record IndicatorMovement(Guid IndicatorId, string Name, IndicatorSource Source, string? SourceKey, string Unit, double? Value,
    double? PreviousValue, double? Target, IndicatorStatus Status, Trend Trend, CitizenDetail? Citizen);

public sealed record AssignmentReportDto(Guid AssignmentId, int Year, ReportPeriod Period, string Done, WorkStatus Status,
    IndicatorMovement[] Indicators, string WrittenBy, DateTimeOffset WrittenAt);

public sealed record AssignmentView(AssignmentDto Assignment, ActivityDto[] Activities, AssignmentReportDto[] Reports);

/// <summary>A goal area's part of the period report: goals, citizen needs, key figures, synpunkter and the uppdrag with their reports.</summary>
public sealed record PeriodReportArea(GoalAreaView Area, AssignmentView[] Assignments);

/// <summary>The printable period report for the council meeting, of one goal area or the whole municipality.</summary>
public sealed record PeriodReportDto(int Year, ReportPeriod Period, string MunicipalityCode, DateTimeOffset MadeAt, PeriodReportArea[] Areas);
