using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Medborgare.ServiceDefaults;

/// <summary>
/// A request that failed because the database could not be reached (it is restarting, say) is answered 503 with a
/// ProblemDetails and Retry-After, not 500: nothing is wrong with the request, and the client may send it again.
/// Every write is one transaction, so nothing of the failed request was kept.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!TransientFailure.IsDatabase(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("The database could not be reached for {Method} {Path}: answered 503", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Tjänsten är tillfälligt otillgänglig / The service is temporarily unavailable",
                Detail = "Försök igen om en stund. Inget av det du skickade har sparats. / Please try again shortly. Nothing you sent was saved.",
            },
        });
    }
}
