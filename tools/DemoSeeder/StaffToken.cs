using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Medborgare.DemoSeeder;

/// <summary>
/// A staff bearer token exactly as the web app issues them (HS256, issuer medborgare-web, audience
/// medborgare-services, a role claim), written out by hand so the seeder needs no JWT package.
/// </summary>
public static class StaffToken
{
    public const string Issuer = "medborgare-web";
    public const string Audience = "medborgare-services";

    public static string Create(string signingKey, string userName, IReadOnlyList<string> roles, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["name"] = userName, ["sub"] = userName, ["role"] = roles,
            ["iss"] = Issuer, ["aud"] = Audience,
            ["nbf"] = now - 5, ["iat"] = now, ["exp"] = now + (long)lifetime.TotalSeconds,
        });
        var unsigned = $"{Base64Url(header)}.{Base64Url(payload)}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
