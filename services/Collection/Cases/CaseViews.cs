using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Feedback;
using Medborgare.Collection.Model;

namespace Medborgare.Collection.Cases;

/// <summary>A case as staff and the public see it. The public views never carry text that was not masked.</summary>
public static class CaseViews
{
    public static bool IsOverdue(CitizenFeedback f, DateOnly today) => f.AnsweredAt is null && f.Status != CaseStatus.Closed && f.DueDate < today;

    public static CaseSummary ToSummary(this CitizenFeedback f, DateOnly today) => new(f.Id, f.Receipt, f.Status, f.Channel, f.Category, f.GoalArea,
        f.District, f.Committee, f.AssignedTo, f.ReceivedAt, f.DueDate, f.AnsweredAt, IsOverdue(f, today), f.PublishedAt is not null, f.HasContact,
        Excerpt(f.MaskedText));

    public static CaseDetail ToDetail(this CitizenFeedback f, IReadOnlyList<OutgoingEmail> emails, DateOnly today, int retentionDays) => new(
        f.Id, f.Receipt, f.Status, f.Channel, f.Category, f.GoalArea, f.District, f.MaskedText, f.Committee, f.ProposedCommittee, f.AssignedTo,
        f.ReceivedAt, f.DueDate, IsOverdue(f, today), f.WorkingDaysTaken, f.AnsweredAt, f.AnsweredBy, f.Answer, f.ClosedAt, f.PublishedAt is not null,
        f.PublishedAt, f.HasContact ? new CaseContact(f.ContactName, f.ContactEmail, f.ContactPhone) : null,
        f.ClosedAt is { } closed && f.ContactPurgedAt is null && f.HasContact ? closed.AddDays(retentionDays) : null, f.ContactPurgedAt,
        [.. emails.OrderBy(e => e.QueuedAt).Select(e => new CaseEmail(e.Id, e.MaskedTo, e.Status, e.QueuedAt, e.SentAt, e.Attempts, e.LastError))],
        [.. f.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new CaseEvent(e.At, e.Actor, e.Kind, e.Detail))]);

    /// <summary>What a receipt shows: status, dates and the answer masked once more; never the text, contact details or staff names.</summary>
    public static PublicCaseStatus ToPublic(this CitizenFeedback f) => new(f.Receipt, f.Status, f.Category, f.GoalArea, f.ReceivedAt, f.DueDate,
        f.AnsweredAt, f.Answer is null ? null : PersonalDataMasker.Mask(f.Answer));

    public static PublishedCase ToPublished(this CitizenFeedback f) => new(f.Id, f.Category, f.GoalArea!, f.MaskedText,
        PersonalDataMasker.Mask(f.Answer!), f.Committee!, f.ReceivedAt, f.AnsweredAt!.Value, f.PublishedAt!.Value);

    static string Excerpt(string text) => text.Length <= 140 ? text : text[..137].TrimEnd() + "…";

    /// <summary>a***@example.se: enough for a caseworker to recognise the address in a list, no more.</summary>
    public static string MaskAddress(string address)
    {
        var at = address.IndexOf('@');
        return at <= 0 ? "***" : address[0] + "***" + address[at..];
    }
}
