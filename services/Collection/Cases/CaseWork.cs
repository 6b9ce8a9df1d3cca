using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.Extensions.Options;

namespace Medborgare.Collection.Cases;

/// <summary>Why a change to a case was refused.</summary>
public enum CaseRefusal { None, Closed, NotAnswered, NotClosed, NoEmail, NoGoalArea }

/// <summary>
/// The changes staff make to a case, each with its line in the audit trail. The caller saves: state, audit, e-mail and the
/// outgoing message go in one transaction.
/// </summary>
public sealed class CaseWork(CollectionDbContext db, IOptions<CaseOptions> options, TimeProvider clock)
{
    public CaseRefusal Assign(CitizenFeedback f, string committee, string? assignee, string actor)
    {
        if (f.Status == CaseStatus.Closed) return CaseRefusal.Closed;
        var before = $"{f.Committee}{(f.AssignedTo is null ? "" : " / " + f.AssignedTo)}";
        f.Committee = committee;
        f.AssignedTo = assignee;
        if (f.Status == CaseStatus.Received) f.Status = CaseStatus.Assigned;
        Log(f, actor, CaseEventKind.Assigned, $"{before} → {committee}{(assignee is null ? "" : " / " + assignee)}");
        return CaseRefusal.None;
    }

    public CaseRefusal Answer(CitizenFeedback f, string answer, bool sendEmail, string actor)
    {
        if (f.Status == CaseStatus.Closed) return CaseRefusal.Closed;
        if (sendEmail && f.ContactEmail is null) return CaseRefusal.NoEmail;
        var now = clock.GetUtcNow();
        var first = f.AnsweredAt is null;
        f.Answer = answer;
        f.Status = CaseStatus.Answered;
        f.Committee ??= f.ProposedCommittee ?? options.Value.DefaultCommittee;
        if (first)
        {
            f.AnsweredAt = now;
            f.AnsweredBy = actor;
            var answeredOn = SwedishCalendar.DayInSweden(now);
            f.WorkingDaysTaken = SwedishCalendar.WorkingDaysBetween(SwedishCalendar.DayInSweden(f.ReceivedAt), answeredOn);
            db.AddToOutbox(new CitizenFeedbackAnswered
            {
                FeedbackId = f.Id, MunicipalityCode = f.MunicipalityCode, Category = f.Category, GoalArea = f.GoalArea, Committee = f.Committee,
                ReceivedAt = f.ReceivedAt, AnsweredAt = now, DueDate = f.DueDate, WorkingDays = f.WorkingDaysTaken.Value, InTime = answeredOn <= f.DueDate,
            }, clock);
        }
        Log(f, actor, CaseEventKind.Answered, first ? null : "svaret ändrat");
        if (sendEmail)
        {
            var email = new OutgoingEmail
            {
                Id = Guid.NewGuid(), FeedbackId = f.Id, ToAddress = f.ContactEmail, MaskedTo = CaseViews.MaskAddress(f.ContactEmail!),
                Subject = CaseEmailText.Subject(f, options.Value), Body = CaseEmailText.Body(f, answer, options.Value),
                Status = EmailStatus.Pending, QueuedAt = now, NextAttemptAt = now,
            };
            db.OutgoingEmails.Add(email);
            Log(f, actor, CaseEventKind.EmailQueued, email.MaskedTo);
        }
        return CaseRefusal.None;
    }

    public CaseRefusal Close(CitizenFeedback f, string actor)
    {
        if (f.Status == CaseStatus.Closed) return CaseRefusal.Closed;
        if (f.AnsweredAt is null) return CaseRefusal.NotAnswered;
        f.Status = CaseStatus.Closed;
        f.ClosedAt = clock.GetUtcNow();
        Log(f, actor, CaseEventKind.Closed, null);
        return CaseRefusal.None;
    }

    public CaseRefusal Reopen(CitizenFeedback f, string actor)
    {
        if (f.Status != CaseStatus.Closed) return CaseRefusal.NotClosed;
        f.Status = CaseStatus.Answered;
        f.ClosedAt = null;
        Log(f, actor, CaseEventKind.Reopened, null);
        return CaseRefusal.None;
    }

    /// <summary>"Du sa – vi gjorde": only an answered synpunkt in a goal area, and only by a staff member's choice.</summary>
    public CaseRefusal Publish(CitizenFeedback f, bool publish, string actor)
    {
        if (publish)
        {
            if (f.AnsweredAt is null || f.Answer is null) return CaseRefusal.NotAnswered;
            if (f.GoalArea is null) return CaseRefusal.NoGoalArea;
            if (f.PublishedAt is not null) return CaseRefusal.None;
            f.PublishedAt = clock.GetUtcNow();
            Log(f, actor, CaseEventKind.Published, null);
        }
        else if (f.PublishedAt is not null)
        {
            f.PublishedAt = null;
            Log(f, actor, CaseEventKind.Unpublished, null);
        }
        return CaseRefusal.None;
    }

    void Log(CitizenFeedback f, string actor, CaseEventKind kind, string? detail) =>
        db.CaseEvents.Add(new CaseEventEntry { FeedbackId = f.Id, At = clock.GetUtcNow(), Actor = actor, Kind = kind, Detail = detail });
}
