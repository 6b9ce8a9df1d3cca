using Medborgare.ServiceDefaults;

namespace Medborgare.HostileInput;

/// <summary>
/// Who a request is sent as. <see cref="CreateToken"/> makes a fresh bearer token for every request (or null for none),
/// because a staff token lives five minutes and a run lasts longer.
/// </summary>
public sealed record HostileIdentity(string Name, Func<string?> CreateToken)
{
    /// <summary>A well-formed key that is not the app's: the token it signs must be refused.</summary>
    const string WrongKey = "hostile-input-this-is-not-the-signing-key-0123456789";

    public static readonly HostileIdentity Anonymous = new("anonymous", () => null);

    public static HostileIdentity Staff(string signingKey, string role) =>
        new(role, () => StaffAuthentication.CreateToken(signingKey, $"hostile-{role.ToLowerInvariant()}", [role]));

    /// <summary>An Admin token signed with another key: it must get 401, never the Admin's rights.</summary>
    public static readonly HostileIdentity BadSignature =
        new("bad-signature", () => StaffAuthentication.CreateToken(WrongKey, "hostile-bad-signature", [StaffRoles.Admin]));

    /// <summary>Anonymous, one token per role in <see cref="StaffRoles.All"/> (when there is a key), and a badly signed token.</summary>
    public static IReadOnlyList<HostileIdentity> Standard(string? signingKey)
    {
        var roles = signingKey is null ? [] : StaffRoles.All.Select(role => Staff(signingKey, role));
        return [Anonymous, .. roles, BadSignature];
    }
}
