using MassTransit;
using Medborgare.Contracts;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.Messaging;

namespace Medborgare.FollowUp.Consumers;

/// <summary>
/// Keeps how each synpunkt's case was answered, for the share answered in time and the median response time of its goal
/// area. Independent of <see cref="CitizenFeedbackReceivedConsumer"/>: the answer may arrive before the feedback itself.
/// </summary>
public sealed class CitizenFeedbackAnsweredConsumer(FollowUpDbContext db, TimeProvider clock)
    : IdempotentConsumer<CitizenFeedbackAnswered, FollowUpDbContext>(db, clock)
{
    protected override async Task HandleAsync(CitizenFeedbackAnswered message, ConsumeContext<CitizenFeedbackAnswered> context)
    {
        var outcome = await Db.FeedbackOutcomes.FindAsync([message.FeedbackId], context.CancellationToken);
        // The same answer re-sent, or an earlier answer overtaken on the broker by a re-answer: the latest answer stands.
        if (outcome is not null && outcome.AnsweredAt >= message.AnsweredAt) return;
        if (outcome is null)
        {
            Db.FeedbackOutcomes.Add(outcome = new FeedbackOutcome
            {
                FeedbackId = message.FeedbackId, MunicipalityCode = message.MunicipalityCode, Category = "", Committee = "",
            });
        }
        outcome.MunicipalityCode = message.MunicipalityCode;
        outcome.Category = Truncate(message.Category, 100);
        outcome.GoalArea = message.GoalArea is null ? null : Truncate(message.GoalArea, 100);
        outcome.Committee = Truncate(message.Committee, 200);
        outcome.ReceivedAt = message.ReceivedAt;
        outcome.AnsweredAt = message.AnsweredAt;
        outcome.DueDate = message.DueDate;
        outcome.WorkingDays = message.WorkingDays;
        outcome.InTime = message.InTime;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
