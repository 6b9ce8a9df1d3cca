using System.Collections.Concurrent;
using System.Diagnostics;
using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

/// <summary>
/// One staff token per role, signed up front and again only when older than 4 minutes (they live 5): signing is not part of what
/// the app is asked to do per poll, and a token per request would make the tool's own CPU grow with the poll rate.
/// </summary>
sealed class StaffTokens(string signingKey)
{
    static readonly TimeSpan ReSignAfter = TimeSpan.FromMinutes(4);
    readonly ConcurrentDictionary<string, (string Token, long SignedAt)> tokens = new();

    public string For(string role)
    {
        if (tokens.TryGetValue(role, out var held) && Stopwatch.GetElapsedTime(held.SignedAt) < ReSignAfter) return held.Token;
        var token = StaffAuthentication.CreateToken(signingKey, "load-tool", [role]);
        tokens[role] = (token, Stopwatch.GetTimestamp());
        return token;
    }
}
