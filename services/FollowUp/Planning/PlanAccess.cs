using System.Security.Claims;
using Medborgare.ServiceDefaults;

namespace Medborgare.FollowUp.Planning;

/// <summary>
/// Who may write an action plan or a report: an officer (tjänsteperson) only for the committees named by their committee
/// claims, an administrator for all.
/// </summary>
static class PlanAccess
{
    public static bool MayPlanFor(this ClaimsPrincipal user, string committee) =>
        user.IsInRole(StaffRoles.Admin)
        || (user.IsInRole(StaffRoles.Officer) && user.FindAll(StaffClaims.Committee).Any(c => string.Equals(c.Value, committee, StringComparison.Ordinal)));
}
