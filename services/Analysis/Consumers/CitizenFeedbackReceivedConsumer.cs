using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Analysis.Consumers;

/// <summary>Keeps open feedback so the analyst can read it next to the survey's results.</summary>
public sealed class CitizenFeedbackReceivedConsumer(AnalysisDbContext db, TimeProvider clock)
    : IdempotentConsumer<CitizenFeedbackReceived, AnalysisDbContext>(db, clock)
{
    protected override async Task HandleAsync(CitizenFeedbackReceived message, ConsumeContext<CitizenFeedbackReceived> context)
    {
        if (await Db.Feedback.FindAsync([message.FeedbackId], context.CancellationToken) is not null) return;
        Db.Feedback.Add(new CitizenFeedback
        {
            FeedbackId = message.FeedbackId, MunicipalityCode = message.MunicipalityCode, Category = message.Category,
            GoalArea = message.GoalArea, District = message.District, MaskedText = message.MaskedText, ReceivedAt = message.ReceivedAt,
        });
    }
}
