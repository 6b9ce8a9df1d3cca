using System.Text;

namespace Medborgare.Messaging.Quarantine;

/// <summary>
/// A message that failed after its retries (or that a consumer set aside as one no retry can mend), kept in the service's own
/// database with what an operator needs to see why and to send it again: the body as received, its content type and headers,
/// the queue it came from and the error. It neither holds back the queue nor sits unseen in RabbitMQ's <c>_error</c> queue.
/// </summary>
public sealed class QuarantinedMessage
{
    /// <summary>The row's own id, which the staff API uses: one message can fail in two consumers of the same service.</summary>
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>The consumer's name in the inbox (for a consumer that quarantines by itself), or else the queue.</summary>
    public required string Consumer { get; set; }
    /// <summary>The receive queue it came from, and where "send again" puts it.</summary>
    public required string Queue { get; set; }
    public required string MessageType { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Body { get; set; }
    /// <summary>The transport headers that came with it (JSON object of strings), sent again with it.</summary>
    public string? Headers { get; set; }
    public required string Error { get; set; }
    public DateTimeOffset QuarantinedAt { get; set; }

    /// <summary>The queue of an input address such as <c>rabbitmq://host/vhost/collection-invitations-issued?bind=true</c>.</summary>
    public static string QueueOf(Uri? inputAddress) =>
        inputAddress is null ? "unknown" : Uri.UnescapeDataString(inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1]);

    /// <summary>The body as text (every body our services send is UTF-8 JSON).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
