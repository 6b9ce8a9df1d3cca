namespace Medborgare.Messaging;

/// <summary>A message a consumer has handled. The (MessageId, Consumer) key makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset HandledAt { get; set; }
}
