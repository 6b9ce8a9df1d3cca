namespace Medborgare.Contracts;

/// <summary>
/// Invitations of one survey that were used, so reminders skip them: code hashes only, in random order, sent well after the
/// responses and in batches, so that neither order nor time pairs an invitation with a response.
/// </summary>
public sealed record InvitationsAnswered
{
    public required Guid SurveyId { get; init; }
    public required IReadOnlyList<string> CodeHashes { get; init; }
}
