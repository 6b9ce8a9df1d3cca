using Medborgare.Contracts;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// One received message of responses, as the response ingest sees it: a single <see cref="SurveyResponseSubmitted"/> or a packed
/// <see cref="SurveyResponsesSubmitted"/>. <see cref="MessageId"/> is null for a piece of a packed message counted on its own
/// (see <see cref="ResponseIngest"/>): a piece has no inbox row, its responses' ids keep it from being counted twice.
/// </summary>
public sealed record ResponseMessage(Guid? MessageId, IReadOnlyList<SurveyResponseSubmitted> Responses, bool Packed)
{
    public static ResponseMessage Single(Guid messageId, SurveyResponseSubmitted response) => new(messageId, [response], Packed: false);

    /// <summary>A packed message. A JSON null for the list or for one of its entries carries no response: there is nothing to count.</summary>
    public static ResponseMessage Pack(Guid messageId, SurveyResponsesSubmitted message) =>
        new(messageId, [.. ((IEnumerable<SurveyResponseSubmitted?>?)message.Responses ?? []).OfType<SurveyResponseSubmitted>()], Packed: true);

    public ResponseMessage Piece(SurveyResponseSubmitted response) => new(null, [response], Packed);
}

/// <summary>The consumer a batch of response messages came to (its name in the inbox) and its queue (where a quarantined one is sent again).</summary>
public sealed record ResponseSource(string Consumer, string Queue);
