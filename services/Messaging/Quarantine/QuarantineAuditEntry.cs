namespace Medborgare.Messaging.Quarantine;

/// <summary>Who sent a quarantined message again or discarded it, and when (DESIGN §2, "Audit"). Kept after the message row is gone.</summary>
public sealed class QuarantineAuditEntry
{
    public Guid Id { get; set; }
    /// <summary>The quarantine row's id, as the staff API named it.</summary>
    public Guid QuarantineId { get; set; }
    public Guid MessageId { get; set; }
    public required string Action { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string MessageType { get; set; }
    public required string Queue { get; set; }
    /// <summary>The error the message was quarantined with, so the audit says what was sent again or thrown away.</summary>
    public required string Error { get; set; }
}

public static class QuarantineActions
{
    public const string Resend = "resend";
    public const string Discard = "discard";
}
