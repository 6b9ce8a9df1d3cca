using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Medborgare.Collection.Apis;

/// <summary>
/// Two limits on the public answering and feedback endpoints. Per client, a token bucket (<c>RateLimiting:PublicRequestsPerMinute</c>):
/// one address that sends too much gets 429 with Retry-After. For everyone together, a cap on the submissions in progress
/// (<c>RateLimiting:ConcurrentSubmissions</c>, a short queue behind it): when more arrive than the service can take, the excess is
/// told at once to come back (503 with Retry-After) instead of waiting in line until every resident's submit is slow. A refused
/// submit wrote nothing, so sending it again is safe; an accepted one is never dropped.
/// </summary>
public static class PublicLimits
{
    public static IServiceCollection AddPublicLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimiting:PublicRequestsPerMinute", 600);
        var concurrent = configuration.GetValue("RateLimiting:ConcurrentSubmissions", 64);
        var queued = configuration.GetValue("RateLimiting:QueuedSubmissions", 128);
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(AnsweringApi.RateLimitPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                Medborgare.ServiceDefaults.ClientAddress.Of(http),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(10, perMinute / 6), TokensPerPeriod = Math.Max(1, perMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0,
                }));
            // One partition for every submission (a partition's limiter is disposed when idle and made again by the factory).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsSubmission(http)
                ? RateLimitPartition.GetConcurrencyLimiter("submissions", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = concurrent, QueueLimit = queued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = (context, _) =>
            {
                // The token bucket says when the client may come back; the shared cap does not know, and a second is plenty.
                var perClient = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                context.HttpContext.Response.StatusCode = perClient ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
                context.HttpContext.Response.Headers.RetryAfter = perClient ? Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString("0") : "1";
                // The body is the ProblemDetails that UseProblemDetailsForErrors writes for an empty error response.
                return ValueTask.CompletedTask;
            };
        });
    }

    static bool IsSubmission(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/api/answering/submit") || http.Request.Path.StartsWithSegments("/api/paper-responses"));
}
