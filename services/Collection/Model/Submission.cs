namespace Medborgare.Collection.Model;

/// <summary>
/// The mark that an invitation was used: one row per invitation (its primary key), so a code submits once.
/// It holds the receipt and the client's submission key (for an idempotent retry) and the day only,
/// and nothing that points to the response.
/// </summary>
public sealed class Submission
{
    public Guid InvitationId { get; set; }
    public required string ReceiptNumber { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateOnly SubmittedOn { get; set; }
    /// <summary>Whether InvitationAnswered has been announced; done in shuffled batches, apart from the response.</summary>
    public bool AnsweredAnnounced { get; set; }
}
