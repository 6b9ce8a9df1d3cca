namespace Medborgare.Collection.Model;

/// <summary>
/// A partial save while the resident answers, keyed by the invitation. Deleted at submission, when the
/// answers become an unlinked <see cref="Response"/>.
/// </summary>
public sealed class Draft
{
    public Guid InvitationId { get; set; }
    public required string Answers { get; set; }
    public int Page { get; set; }
    public Guid SubmissionKey { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
