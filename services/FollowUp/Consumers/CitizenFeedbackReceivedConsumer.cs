using MassTransit;
using Medborgare.Contracts;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.Messaging;

namespace Medborgare.FollowUp.Consumers;

/// <summary>Keeps open feedback (already masked by Collection) for the goal areas' feedback counts and texts.</summary>
public sealed class CitizenFeedbackReceivedConsumer(FollowUpDbContext db, TimeProvider clock)
    : IdempotentConsumer<CitizenFeedbackReceived, FollowUpDbContext>(db, clock)
{
    protected override async Task HandleAsync(CitizenFeedbackReceived message, ConsumeContext<CitizenFeedbackReceived> context)
    {
        // The same feedback under a new MessageId (re-sent from Collection's outbox) is still one item.
        if (await Db.Feedback.FindAsync([message.FeedbackId], context.CancellationToken) is not null) return;
        Db.Feedback.Add(new Feedback
        {
            Id = message.FeedbackId,
            MunicipalityCode = message.MunicipalityCode,
            Category = Truncate(message.Category, 100),
            GoalArea = message.GoalArea is null ? null : Truncate(message.GoalArea, 100),
            District = message.District is null ? null : Truncate(message.District, 100),
            MaskedText = Truncate(message.MaskedText, 10000),
            ReceivedAt = message.ReceivedAt,
        });
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
