using System.Security.Claims;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;

namespace Medborgare.Distribution.Apis;

static class StaffUser
{
    public static string Name(this ClaimsPrincipal user) => user.FindFirst("name")?.Value ?? user.Identity?.Name ?? "unknown";

    /// <summary>Records an export or a change (saved with the caller's SaveChanges).</summary>
    public static void Audit(this DistributionDbContext db, ClaimsPrincipal user, Guid? surveyId, string action, string? detail, TimeProvider clock) =>
        db.AuditEntries.Add(new AuditEntry { SurveyId = surveyId, UserName = user.Name(), Action = action, Detail = detail, At = clock.GetUtcNow() });
}
