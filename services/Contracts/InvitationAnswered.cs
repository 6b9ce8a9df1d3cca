namespace Medborgare.Contracts;

/// <summary>An invitation was used, so reminders skip it. Says nothing about the answers.</summary>
public sealed record InvitationAnswered
{
    public required Guid SurveyId { get; init; }
    public required string CodeHash { get; init; }
}
