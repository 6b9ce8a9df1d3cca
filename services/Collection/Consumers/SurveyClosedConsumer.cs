using MassTransit;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Consumers;

/// <summary>Closes a survey for answers and deletes the drafts that were never submitted.</summary>
public sealed class SurveyClosedConsumer(CollectionDbContext db, SurveyHeaderCache headers, TimeProvider clock)
    : IdempotentConsumer<SurveyClosed, CollectionDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyClosed message, ConsumeContext<SurveyClosed> context)
    {
        var survey = await Db.Surveys.FindAsync([message.SurveyId], context.CancellationToken);
        if (survey is null) return;
        survey.ClosedAt ??= message.ClosedAt;
        var invitations = Db.Invitations.Where(i => i.SurveyId == message.SurveyId).Select(i => i.Id);
        Db.Drafts.RemoveRange(await Db.Drafts.Where(d => invitations.Contains(d.InvitationId)).ToListAsync(context.CancellationToken));
    }

    protected override void Committed(SurveyClosed message) => headers.Invalidate();
}
