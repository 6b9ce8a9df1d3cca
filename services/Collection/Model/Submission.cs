namespace Medborgare.Collection.Model;

/// <summary>
/// The mark that an invitation was used: one row per invitation (its primary key), so a code submits once. It keeps the receipt,
/// the client's submission key (for an idempotent retry) and the day only. Until <see cref="Answering.ResponseRelease"/> has sent
/// the response to Analysis (milliseconds, or until the broker is back), the row also carries the response itself: it is the
/// submission's outbox, written in the same statement as the mark. Sending clears those columns, so from then on nothing in the
/// row, its transaction or its position points to the answers.
/// </summary>
public sealed class Submission
{
    public Guid InvitationId { get; set; }
    public required string ReceiptNumber { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateOnly SubmittedOn { get; set; }

    /// <summary>The answers as JSON while the response waits to be sent; null once sent.</summary>
    public string? PendingAnswers { get; set; }
    /// <summary>The response's random id (v4), chosen at submission, so that sending it twice is recognised by Analysis.</summary>
    public Guid? PendingResponseId { get; set; }
    public string? PendingChannel { get; set; }
    /// <summary>The submitting request's W3C traceparent, so the trace continues when the response is sent.</summary>
    public string? PendingTraceParent { get; set; }
    /// <summary>When the response was queued for sending, so that a sweep takes only what no release round has in hand.</summary>
    public DateTimeOffset? PendingSince { get; set; }
}
