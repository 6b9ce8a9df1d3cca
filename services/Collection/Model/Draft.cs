namespace Medborgare.Collection.Model;

/// <summary>
/// A partial save while the resident answers, keyed by the invitation. Deleted in the submission's own statement; the
/// answers then wait in the <see cref="Submission"/> until they are sent on as an unlinked response.
/// </summary>
public sealed class Draft
{
    public Guid InvitationId { get; set; }
    public required string Answers { get; set; }
    public int Page { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
