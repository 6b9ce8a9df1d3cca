using MassTransit;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Consumers;

/// <summary>Stores the hashes and strata of issued invitations, and the survey's salt to hash entered codes with.</summary>
public sealed class InvitationsIssuedConsumer(CollectionDbContext db, SurveyHeaderCache headers, TimeProvider clock)
    : IdempotentConsumer<InvitationsIssued, CollectionDbContext>(db, clock)
{
    protected override async Task HandleAsync(InvitationsIssued message, ConsumeContext<InvitationsIssued> context)
    {
        var survey = await Db.Surveys.FindAsync([message.SurveyId], context.CancellationToken)
            ?? throw new InvalidOperationException($"Survey {message.SurveyId} is not known yet; the message is retried");
        survey.CodeSalt = message.CodeSalt;

        var hashes = message.Invitations.Select(i => i.CodeHash).ToList();
        var known = (await Db.Invitations.Where(i => i.SurveyId == message.SurveyId && hashes.Contains(i.CodeHash))
            .Select(i => i.CodeHash).ToListAsync(context.CancellationToken)).ToHashSet();
        foreach (var issued in message.Invitations.Where(i => !known.Contains(i.CodeHash)))
        {
            Db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = message.SurveyId, CodeHash = issued.CodeHash, ValidUntil = issued.ValidUntil,
                District = issued.Stratum.District, Sex = issued.Stratum.Sex, AgeGroup = issued.Stratum.AgeGroup,
            });
        }
    }

    protected override void Committed(InvitationsIssued message) => headers.Invalidate();
}
