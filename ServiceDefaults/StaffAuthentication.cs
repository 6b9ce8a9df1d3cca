using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Medborgare.ServiceDefaults;

/// <summary>Staff roles. Residents never log in; they answer with a code.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";
    public const string Politician = "Politician";
    /// <summary>Handläggare: answers the synpunkter of their own committee (nämnd), named by the <see cref="StaffClaims.Committee"/> claim.</summary>
    public const string Caseworker = "Caseworker";
    /// <summary>Tjänsteperson: writes the action plans and reports of the uppdrag of their own committee (the committee claim).</summary>
    public const string Officer = "Officer";

    public static readonly string[] All = [Admin, Analyst, Politician, Caseworker, Officer];
}

public static class StaffClaims
{
    /// <summary>The committee (nämnd) a caseworker or officer works for; one claim per committee.</summary>
    public const string Committee = "committee";
}

/// <summary>
/// Authorisation policies of the services' staff endpoints and the web app's staff pages: the one table of which roles each
/// policy admits, so that a page and the endpoint behind it cannot drift apart.
/// </summary>
public static class StaffPolicies
{
    public const string Analyst = "analyst";
    public const string Politician = "politician";
    public const string Admin = "admin";
    /// <summary>Cases (synpunkter): caseworkers see their committee's, analysts and administrators all.</summary>
    public const string Cases = "cases";
    /// <summary>Uppdrag, action plans and reports, to read.</summary>
    public const string Assignments = "assignments";
    /// <summary>Giving uppdrag: politicians decide what.</summary>
    public const string GiveAssignments = "give-assignments";
    /// <summary>Action plans and återrapportering: officers of the responsible committee decide how.</summary>
    public const string PlanWork = "plan-work";
    /// <summary>Anyone with a staff role.</summary>
    public const string Staff = "staff";

    /// <summary>Each policy and the roles it admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Admin] = [StaffRoles.Admin],
        [Analyst] = [StaffRoles.Analyst, StaffRoles.Admin],
        [Politician] = [StaffRoles.Politician, StaffRoles.Analyst, StaffRoles.Admin],
        [Cases] = [StaffRoles.Caseworker, StaffRoles.Analyst, StaffRoles.Admin],
        [Assignments] = [StaffRoles.Politician, StaffRoles.Officer, StaffRoles.Analyst, StaffRoles.Admin],
        [GiveAssignments] = [StaffRoles.Politician, StaffRoles.Admin],
        [PlanWork] = [StaffRoles.Officer, StaffRoles.Admin],
        [Staff] = StaffRoles.All,
    };

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Roles) builder.AddPolicy(policy, p => p.RequireRole(roles));
        return builder;
    }
}

/// <summary>
/// Bearer tokens between the web app and the services. The web app signs a short-lived JWT for the
/// logged-in staff user with the key the AppHost hands out as <c>Auth:SigningKey</c>; services validate it.
/// </summary>
public static class StaffAuthentication
{
    public const string Issuer = "medborgare-web";
    public const string Audience = "medborgare-services";
    public const string SigningKeyConfig = "Auth:SigningKey";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    public static TBuilder AddStaffAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var key = SigningKey(builder.Configuration[SigningKeyConfig]);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = Issuer,
                    ValidAudience = Audience,
                    IssuerSigningKey = key,
                    RoleClaimType = "role",
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();
        return builder;
    }

    /// <summary>Creates the bearer token for one staff user.</summary>
    public static string CreateToken(string signingKey, string userName, IEnumerable<string> roles, TimeProvider? clock = null,
        IEnumerable<string>? committees = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["name"] = userName, ["sub"] = userName };
        var roleList = roles.ToArray();
        if (roleList.Length > 0) claims["role"] = roleList;
        var committeeList = committees?.ToArray() ?? [];
        if (committeeList.Length > 0) claims[StaffClaims.Committee] = committeeList;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now.Add(TokenLifetime),
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    static SymmetricSecurityKey SigningKey(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) || Encoding.UTF8.GetByteCount(configured) < 32)
        {
            throw new InvalidOperationException(
                $"Configuration '{SigningKeyConfig}' must hold a signing key of at least 32 bytes. The AppHost sets it for every part.");
        }
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
    }
}
