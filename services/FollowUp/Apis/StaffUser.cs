using System.Security.Claims;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.ServiceDefaults;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

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

/// <summary>
/// Collects field errors for a validation problem (<see cref="CodedProblems.Validation(HttpContext, IEnumerable{KeyValuePair{string, FieldError[]}})"/>):
/// each a code from <c>FollowUpErrorCodes</c> with Swedish and English text.
/// </summary>
sealed class Errors : Dictionary<string, FieldError[]>
{
    public void Add(string field, FieldError error) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, error] : [error];

    public void Add(string field, string code, string sv, string en) => Add(field, new FieldError(code, sv, en));

    public void Text(string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, Required, "Fältet måste fyllas i.", "The field must be filled in.");
        }
        else if (value.Trim().Length > max)
        {
            Add(field, TooLong, $"Högst {max} tecken.", $"At most {max} characters.");
        }
    }

    public void Period(string field, int period)
    {
        if (period is < 1990 or > 2100) Add(field, PeriodOutOfRange, "Perioden ska vara ett år mellan 1990 och 2100.", "The period must be a year between 1990 and 2100.");
    }

    /// <summary>Plans and deadlines are years 1990–2100, like periods: anything else is a typing mistake.</summary>
    public void Date(string field, DateOnly date)
    {
        if (date.Year is < 1990 or > 2100) Add(field, DateOutOfRange, "Datumet ska ligga mellan 1990 och 2100.", "The date must be between 1990 and 2100.");
    }
}
