namespace Medborgare.Analysis.Model;

/// <summary>
/// A message that can never be counted as it is (it breaks a rule of the data, not of the moment), set aside with the error
/// so that it neither holds back nor takes down the batch it came in. Its MessageId is in the inbox too, so a redelivery is
/// not counted either. An operator reads why here, mends the cause, and sends it again under a new MessageId.
/// </summary>
public sealed class QuarantinedMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public required string MessageType { get; set; }
    /// <summary>The message as received (JSON). It holds what a response holds, no more: no code, no person.</summary>
    public required string Body { get; set; }
    public required string Error { get; set; }
    public DateTimeOffset QuarantinedAt { get; set; }
}
