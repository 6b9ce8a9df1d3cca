using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// Keeps the resident's code between pages after a successful start: encrypted and signed with ASP.NET Core Data Protection,
/// HttpOnly, Secure over HTTPS, SameSite=Lax, for this browser session only and only under /svara. The code is never put in a
/// URL after the start and never logged.
/// </summary>
public sealed class ResidentCodeCookie(IDataProtectionProvider protection)
{
    public const string Name = "medborgare.svar";
    public const string Purpose = "Medborgare.Web.ResidentCode";
    public const string Path = "/svara";

    readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>The normalized code and the submission key Collection gave at the start (so that a retried submission is recognised).</summary>
    public sealed record Contents(string Code, Guid SubmissionKey);

    public void Set(HttpContext http, string normalizedCode, Guid submissionKey) =>
        http.Response.Cookies.Append(Name, protector.Protect($"{normalizedCode}|{submissionKey:N}"), Options(http));

    public Contents? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out var key) ? new Contents(parts[0], key) : null;
        }
        catch (CryptographicException)
        {
            // Tampered with, or protected with a key that is gone: the resident enters the code again.
            return null;
        }
    }

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    static CookieOptions Options(HttpContext http) => new()
    {
        Path = Path,
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };
}
