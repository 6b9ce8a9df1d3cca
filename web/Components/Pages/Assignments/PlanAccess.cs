using System.Security.Claims;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Components.Pages.Assignments;

/// <summary>
/// Whether the plan and report forms are offered: administrators always, officers for their own committees' work (their
/// committee claims), as FollowUp decides too. The service still has the last word and answers 403 otherwise.
/// </summary>
public static class PlanAccess
{
    public static bool MayPlan(ClaimsPrincipal user, string committee) =>
        user.IsInRole(StaffRoles.Admin)
        || (user.IsInRole(StaffRoles.Officer)
            && user.FindAll(StaffClaims.Committee).Any(c => string.Equals(c.Value.Trim(), committee.Trim(), StringComparison.OrdinalIgnoreCase)));
}
