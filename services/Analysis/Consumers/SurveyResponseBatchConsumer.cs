using MassTransit;
using Medborgare.Contracts;
using Medborgare.Messaging.Quarantine;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Takes single responses (<see cref="SurveyResponseSubmitted"/>, one per message) in batches and counts each batch in one
/// transaction (<see cref="ResponseIngest"/>). Collection now packs a release round into one <see cref="SurveyResponsesSubmitted"/>
/// (<see cref="SurveyResponsesBatchConsumer"/>); this one stays for messages already in outboxes and queues, and keeps its name, so
/// its queue and its inbox rows stay the same across the upgrade.
/// </summary>
public sealed class SurveyResponseBatchConsumer(ResponseIngest ingest) : IConsumer<Batch<SurveyResponseSubmitted>>
{
    public Task Consume(ConsumeContext<Batch<SurveyResponseSubmitted>> context) =>
        ingest.IngestAsync(new(nameof(SurveyResponseBatchConsumer), QuarantinedMessage.QueueOf(context.ReceiveContext.InputAddress)), [.. context.Message
            .Where(m => m.MessageId is not null).DistinctBy(m => m.MessageId)
            .Select(m => ResponseMessage.Single(m.MessageId!.Value, m.Message))], context.CancellationToken);
}
