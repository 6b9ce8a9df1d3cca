using MassTransit;
using Medborgare.Contracts;
using Medborgare.Messaging.Quarantine;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Takes packed responses (<see cref="SurveyResponsesSubmitted"/>: one Collection release round, tens to hundreds of responses)
/// in batches of several messages, each batch counted in one transaction (<see cref="ResponseIngest"/>). Each response is counted
/// once by its ResponseId, however often its message, or another message holding it, arrives.
/// </summary>
public sealed class SurveyResponsesBatchConsumer(ResponseIngest ingest) : IConsumer<Batch<SurveyResponsesSubmitted>>
{
    public Task Consume(ConsumeContext<Batch<SurveyResponsesSubmitted>> context) =>
        ingest.IngestAsync(new(nameof(SurveyResponsesBatchConsumer), QuarantinedMessage.QueueOf(context.ReceiveContext.InputAddress)), [.. context.Message
            .Where(m => m.MessageId is not null).DistinctBy(m => m.MessageId)
            .Select(m => ResponseMessage.Pack(m.MessageId!.Value, m.Message))], context.CancellationToken);
}
