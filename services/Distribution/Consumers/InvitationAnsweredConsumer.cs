using MassTransit;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Consumers;

/// <summary>Marks one invitation answered (the message of earlier versions, which may still be on its way after an upgrade).</summary>
public sealed class InvitationAnsweredConsumer(DistributionDbContext db, TimeProvider clock)
    : IdempotentConsumer<InvitationAnswered, DistributionDbContext>(db, clock)
{
    protected override async Task HandleAsync(InvitationAnswered message, ConsumeContext<InvitationAnswered> context)
    {
        var invitation = await Db.Invitations.FirstOrDefaultAsync(i => i.SurveyId == message.SurveyId && i.CodeHash == message.CodeHash, context.CancellationToken);
        if (invitation is null || invitation.AnsweredOn is not null) return;
        invitation.AnsweredOn = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    }
}
