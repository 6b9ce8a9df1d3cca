using System.Text.Json.Serialization;

namespace Medborgare.ApiContracts.Collection;

// Collection's cases (/api/cases): synpunktshantering. Every synpunkt is a case: received, routed to the committee (nämnd)
// responsible, answered within the response time (working days, Swedish public holidays counted), then closed.

/// <summary>Ärendets status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus { Received, Assigned, Answered, Closed }

/// <summary>What happened to a case, in its audit trail.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseEventKind>))]
public enum CaseEventKind { Received, Registered, Routed, Assigned, Answered, EmailQueued, EmailSent, EmailFailed, Closed, Reopened, Published, Unpublished, ContactPurged }

/// <summary>How a synpunkt reached the municipality.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseChannel>))]
public enum CaseChannel { Web, Letter, Phone, Visit, Email }

[JsonConverter(typeof(JsonStringEnumConverter<EmailStatus>))]
public enum EmailStatus { Pending, Sent, Failed }

public sealed record CaseSummary(Guid Id, string Receipt, CaseStatus Status, CaseChannel Channel, string Category, string? GoalArea, string? District,
    string? Committee, string? AssignedTo, DateTimeOffset ReceivedAt, DateOnly DueDate, DateTimeOffset? AnsweredAt, bool Overdue,
    bool Published, bool HasContact, string Excerpt);

public sealed record CaseList(IReadOnlyList<CaseSummary> Cases, int Total, int Page, int PageSize);

public sealed record CaseContact(string? Name, string? Email, string? Phone);

public sealed record CaseEvent(DateTimeOffset At, string Actor, CaseEventKind Kind, string? Detail);

/// <summary>An answer sent by e-mail; the address is shown masked (a***@example.se).</summary>
public sealed record CaseEmail(Guid Id, string To, EmailStatus Status, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, int Attempts, string? LastError);

public sealed record CaseDetail(Guid Id, string Receipt, CaseStatus Status, CaseChannel Channel, string Category, string? GoalArea, string? District,
    string MaskedText, string? Committee, string? ProposedCommittee, string? AssignedTo, DateTimeOffset ReceivedAt, DateOnly DueDate,
    bool Overdue, int? WorkingDaysTaken, DateTimeOffset? AnsweredAt, string? AnsweredBy, string? Answer, DateTimeOffset? ClosedAt,
    bool Published, DateTimeOffset? PublishedAt, CaseContact? Contact, DateTimeOffset? ContactPurgeDueAt, DateTimeOffset? ContactPurgedAt,
    IReadOnlyList<CaseEmail> Emails, IReadOnlyList<CaseEvent> History);

/// <summary>A synpunkt that came by letter, phone, visit or e-mail, registered by staff with the day it arrived.</summary>
public sealed record RegisterCaseRequest(string? Category, string? GoalArea, string? District, string? Text, CaseChannel Channel,
    DateTimeOffset? ReceivedAt, ContactDetails? Contact, bool ContactConsent);

/// <summary>Send the case to a committee (nämnd), and optionally to one handläggare in it.</summary>
public sealed record AssignCaseRequest(string? Committee, string? AssignedTo);

/// <summary>The answer; it is masked before it is stored. With <c>SendEmail</c>, it goes to the resident's consented address.</summary>
public sealed record AnswerCaseRequest(string? Answer, bool SendEmail);

public sealed record PublishCaseRequest(bool Publish);

/// <summary>The committees known to Collection: from the goal chain (each goal area's responsible committee) and the fallback.</summary>
public sealed record CommitteeRoute(string GoalArea, string GoalAreaTitle, string Committee, DateTimeOffset UpdatedAt);

public sealed record CommitteeList(IReadOnlyList<string> Committees, IReadOnlyList<CommitteeRoute> Routes, string DefaultCommittee, int ResponseWorkingDays);

/// <summary>Answered in time: answered cases by when they were answered; open cases past their due day count as overdue.</summary>
public sealed record TimelinessRow(string Key, int Answered, int AnsweredInTime, double? ShareInTime, double? MedianWorkingDays, int OpenOverdue);

public sealed record TimelinessReport(DateOnly From, DateOnly To, int ResponseWorkingDays, IReadOnlyList<TimelinessRow> ByCommittee,
    IReadOnlyList<TimelinessRow> ByMonth, IReadOnlyList<TimelinessRow> ByGoalArea, TimelinessRow Total);

// Public, without a login.

/// <summary>What anyone holding a receipt number sees: no text, no contact details, no names of staff.</summary>
public sealed record PublicCaseStatus(string Receipt, CaseStatus Status, string Category, string? GoalArea, DateTimeOffset ReceivedAt,
    DateOnly DueDate, DateTimeOffset? AnsweredAt, string? Answer);

/// <summary>"Du sa – vi gjorde": an answered synpunkt that staff chose to publish, with its masked text and the answer.</summary>
public sealed record PublishedCase(Guid Id, string Category, string GoalArea, string MaskedText, string Answer, string Committee,
    DateTimeOffset ReceivedAt, DateTimeOffset AnsweredAt, DateTimeOffset PublishedAt);

public sealed record PublishedCases(string? GoalArea, IReadOnlyList<PublishedCase> Cases);
