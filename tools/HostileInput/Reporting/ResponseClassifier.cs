namespace Medborgare.HostileInput;

/// <summary>
/// The rules a response to a hostile request must keep: a 4xx with ProblemDetails (<c>application/problem+json</c>), never a
/// 5xx, never silence, and never a success for a state-changing request.
/// </summary>
public static class ResponseClassifier
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>
    /// The one exemption. Kestrel refuses some requests before any middleware runs (a malformed request line or a bad
    /// percent-encoding: 400; a request line over its limit: 414; headers over their limit: 431), and it answers those with
    /// an empty body that the app cannot turn into ProblemDetails. So: status 400, 414 or 431 <em>and</em> an empty body is
    /// exempt. An app's own 400 always has a body (UseStatusCodePages writes one), so no app error hides behind this rule.
    /// </summary>
    public static bool IsKestrelRefusal(ResponseOutcome response) =>
        response is { Status: 400 or 414 or 431, BodyLength: 0, TransportError: null };

    public static bool IsProblemJson(ResponseOutcome response) =>
        string.Equals(response.MediaType, ProblemJson, StringComparison.OrdinalIgnoreCase);

    /// <summary>The kind of finding, or null when the response keeps the rules.</summary>
    public static FindingKind? Classify(ResponseOutcome response, bool expectsRejection) => response switch
    {
        { TransportError: not null } or { Status: null } => FindingKind.TransportFailure,
        { Status: >= 500 } => FindingKind.ServerError,
        { Status: >= 400 } when IsProblemJson(response) || IsKestrelRefusal(response) => null,
        { Status: >= 400 } => FindingKind.NotProblemDetails,
        _ when expectsRejection => FindingKind.Accepted,
        _ => null,
    };
}
