using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Opens the case of a new synpunkt: a receipt number, the due day, the committee the goal chain proposes, the first lines of
/// its audit trail, and <see cref="CitizenFeedbackReceived"/> in the outbox, all in the caller's one transaction.
/// </summary>
public sealed class CaseIntake(CollectionDbContext db, IOptions<CaseOptions> options, TimeProvider clock)
{
    public async Task<CitizenFeedback> OpenAsync(CitizenFeedback feedback, string actor, CancellationToken ct)
    {
        var routes = await db.CommitteeRoutes.AsNoTracking().Where(r => r.MunicipalityCode == feedback.MunicipalityCode)
            .ToDictionaryAsync(r => r.GoalArea, r => r.Committee, ct);
        var committee = CaseRouting.Propose(feedback.GoalArea, feedback.Category, routes, options.Value);
        var now = clock.GetUtcNow();

        feedback.Receipt = CaseReceipts.New();
        feedback.Status = CaseStatus.Received;
        feedback.DueDate = SwedishCalendar.AddWorkingDays(SwedishCalendar.DayInSweden(feedback.ReceivedAt), options.Value.ResponseWorkingDays);
        feedback.ProposedCommittee = committee;
        feedback.Committee = committee;
        feedback.Events.Add(new CaseEventEntry
        {
            At = now, Actor = actor, Kind = feedback.Channel == CaseChannel.Web ? CaseEventKind.Received : CaseEventKind.Registered,
            Detail = feedback.Channel == CaseChannel.Web ? null : $"{feedback.Channel}, mottagen {SwedishCalendar.DayInSweden(feedback.ReceivedAt):yyyy-MM-dd}",
        });
        feedback.Events.Add(new CaseEventEntry { At = now, Actor = "system", Kind = CaseEventKind.Routed, Detail = committee });
        db.Feedback.Add(feedback);
        db.AddToOutbox(new CitizenFeedbackReceived
        {
            FeedbackId = feedback.Id, MunicipalityCode = feedback.MunicipalityCode, Category = feedback.Category, GoalArea = feedback.GoalArea,
            District = feedback.District, MaskedText = feedback.MaskedText, ReceivedAt = feedback.ReceivedAt,
        }, clock);
        return feedback;
    }
}
