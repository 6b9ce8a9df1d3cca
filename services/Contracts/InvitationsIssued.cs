namespace Medborgare.Contracts;

/// <summary>Invitations went out. Only code hashes leave Distribution, never the codes.</summary>
public sealed record InvitationsIssued
{
    public required Guid SurveyId { get; init; }
    /// <summary>The survey's salt: Collection hashes an entered code with it to find the invitation.</summary>
    public required string CodeSalt { get; init; }
    public required IReadOnlyList<IssuedInvitation> Invitations { get; init; }
}

public sealed record IssuedInvitation
{
    public required string CodeHash { get; init; }
    public required Stratum Stratum { get; init; }
    public required DateOnly ValidUntil { get; init; }
}
