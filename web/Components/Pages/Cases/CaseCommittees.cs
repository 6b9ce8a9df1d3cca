using System.Security.Claims;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Cases;

namespace Medborgare.Web.Components.Pages.Cases;

/// <summary>
/// The committees a staff member chooses among: a caseworker only their own (their committee claims), an analyst or an
/// administrator every committee Collection knows.
/// </summary>
public static class CaseCommittees
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Analyst) || user.IsInRole(StaffRoles.Admin);

    public static IReadOnlyList<string> Own(ClaimsPrincipal user) =>
        [.. user.FindAll(StaffClaims.Committee).Select(c => c.Value).Distinct().Order(StringComparer.CurrentCulture)];

    public static async Task<IReadOnlyList<string>> ForAsync(ClaimsPrincipal user, CasesClient cases)
    {
        if (!SeesAll(user)) return Own(user);
        var known = await cases.CommitteesAsync(CancellationToken.None);
        return known.Succeeded ? [.. known.Value.Committees.Order(StringComparer.CurrentCulture)] : Own(user);
    }
}
