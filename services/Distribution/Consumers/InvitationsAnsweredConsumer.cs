using MassTransit;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Consumers;

/// <summary>Marks a batch of invitations answered with one statement, so reminders skip them. Only the day is kept, never the time.</summary>
public sealed class InvitationsAnsweredConsumer(DistributionDbContext db, TimeProvider clock)
    : IdempotentConsumer<InvitationsAnswered, DistributionDbContext>(db, clock)
{
    protected override async Task HandleAsync(InvitationsAnswered message, ConsumeContext<InvitationsAnswered> context)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var hashes = message.CodeHashes.ToList();
        // Runs inside the consumer's transaction, with its inbox row: the whole batch, once.
        await Db.Invitations.Where(i => i.SurveyId == message.SurveyId && hashes.Contains(i.CodeHash) && i.AnsweredOn == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.AnsweredOn, today), context.CancellationToken);
    }
}
