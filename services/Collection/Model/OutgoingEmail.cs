using Medborgare.ApiContracts.Collection;

namespace Medborgare.Collection.Model;

/// <summary>
/// An answer to a resident by e-mail, saved in the same transaction as the answer and sent by <c>CaseEmailSender</c>, so an
/// answer is never lost when the SMTP server is away, and never sent twice once the server took it.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; }
    public Guid FeedbackId { get; set; }
    /// <summary>Cleared with the case's other contact details when they are purged.</summary>
    public string? ToAddress { get; set; }
    public required string MaskedTo { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public EmailStatus Status { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
