using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Analysis.Consumers;

/// <summary>Fieldwork is over. The results stay preliminary until the analyst publishes them.</summary>
public sealed class SurveyClosedConsumer(AnalysisDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyClosed, AnalysisDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyClosed message, ConsumeContext<SurveyClosed> context)
    {
        // A close for a survey not yet known throws, so the retry waits for SurveyPublished to arrive.
        var survey = await Db.Surveys.FindAsync([message.SurveyId], context.CancellationToken)
            ?? throw new InvalidOperationException($"Survey {message.SurveyId} is not known to Analysis yet.");
        survey.ClosedAt ??= message.ClosedAt;
    }
}
