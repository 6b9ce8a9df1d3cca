using System.Security.Cryptography;
using Medborgare.ApiContracts.Distribution;
using Microsoft.Extensions.Caching.Memory;

namespace Medborgare.Web.Services.Distribution;

/// <summary>
/// Why a frame upload or a file download failed, kept for the page the browser is redirected back to. Either a text key
/// of our own, the service's problem, or the frame file's line errors.
/// </summary>
public sealed record AnalystNotice(Guid SurveyId, string UserName, string? TextKey, ApiProblem? Problem, FrameProblem? LineErrors);

/// <summary>
/// Failures of the plain form posts and downloads (which cannot re-render the page) live in the memory cache under a random,
/// unguessable key for ten minutes; the redirect carries only the key. Only the same user sees them, for the same survey,
/// because line errors can quote personal data from the file.
/// </summary>
public static class AnalystNotices
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Store(this IMemoryCache cache, AnalystNotice notice)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(key), notice, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime });
        return key;
    }

    public static AnalystNotice? Find(this IMemoryCache cache, string? key, Guid surveyId, string? userName) =>
        key is { Length: 32 } && cache.TryGetValue(CacheKey(key), out AnalystNotice? notice)
            && notice!.SurveyId == surveyId && notice.UserName == userName
            ? notice
            : null;

    static string CacheKey(string key) => "analyst-notice:" + key;
}
