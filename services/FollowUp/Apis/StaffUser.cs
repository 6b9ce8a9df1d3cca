using System.Security.Claims;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;

namespace Medborgare.FollowUp.Apis;

static class StaffUser
{
    public static string Name(this ClaimsPrincipal user) => user.FindFirst("name")?.Value ?? user.Identity?.Name ?? "unknown";

    /// <summary>Records a change (saved with the caller's SaveChanges).</summary>
    public static void Audit(this FollowUpDbContext db, ClaimsPrincipal user, string action, string? detail, TimeProvider clock) =>
        db.AuditEntries.Add(new AuditEntry { UserName = user.Name(), Action = action, Detail = detail, At = clock.GetUtcNow() });

    /// <summary>The one municipality this deployment serves (DESIGN §2, "Tenancy").</summary>
    public static string MunicipalityCode(this IConfiguration configuration) => configuration["Municipality:Code"] ?? "0000";
}

/// <summary>Collects field errors for a ValidationProblem.</summary>
sealed class Errors : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public void Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "Fältet måste fyllas i.");
        }
        else if (value.Trim().Length > max)
        {
            Add(field, $"Högst {max} tecken.");
        }
    }

    public void Period(string field, int period)
    {
        if (period is < 1990 or > 2100) Add(field, "Perioden ska vara ett år mellan 1990 och 2100.");
    }
}
