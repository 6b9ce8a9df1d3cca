namespace Medborgare.Messaging;

/// <summary>
/// A message waiting to be published. Written in the same transaction as the state change it announces,
/// so the change and the message are committed together or not at all.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Becomes the MassTransit MessageId, which consumers use to recognise redeliveries.</summary>
    public Guid Id { get; set; }
    /// <summary>Monotonic order of writing, so messages go out in the order they were committed.</summary>
    public long Sequence { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    /// <summary>W3C traceparent of the request that wrote the message, so the trace continues across the broker.</summary>
    public string? TraceParent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
