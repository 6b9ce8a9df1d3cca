using System.Security.Claims;
using Medborgare.ServiceDefaults;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Whose cases a staff user may see: a caseworker (handläggare) those of their own committees, named by their committee claims;
/// analysts and administrators every case.
/// </summary>
public sealed record CaseAccess(string Actor, IReadOnlySet<string>? Committees)
{
    public bool SeesAll => Committees is null;

    public bool MaySee(string? committee) => Committees is null || (committee is not null && Committees.Contains(committee));

    public static CaseAccess Of(ClaimsPrincipal user)
    {
        var actor = user.FindFirst("name")?.Value ?? user.Identity?.Name ?? "okänd";
        if (user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Analyst)) return new(actor, null);
        var committees = user.FindAll(StaffClaims.Committee).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new(actor, committees);
    }
}
