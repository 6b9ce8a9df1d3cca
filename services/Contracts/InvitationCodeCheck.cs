namespace Medborgare.Contracts;

/// <summary>The outcome of checking a typed invitation code, before any lookup.</summary>
public enum InvitationCodeCheck
{
    Valid,
    Empty,
    WrongLength,
    InvalidCharacter,
    CheckFailed,
}
