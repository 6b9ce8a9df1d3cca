using System.Text.Json;
using Medborgare.Web.Services.Resident;

namespace Medborgare.Web.Services;

/// <summary>
/// What a service said when it refused, the same for every service: the HTTP status, the ProblemDetails <c>type</c>
/// (<c>urn:medborgare:…</c>), title and detail, the per-field messages (<c>errors</c>, in the language asked for) and the
/// per-field codes (<c>codes</c>) that the pages turn into their own text. Status 0 means the service did not answer at all,
/// or answered something that cannot be read; <see cref="Type"/> then says which.
/// </summary>
public sealed record ApiProblem(int Status, string? Type, string? Title, string? Detail,
    IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string[]> Codes)
{
    /// <summary>The service could not be reached: refused, reset, or a name that does not resolve.</summary>
    public const string UnreachableType = "urn:medborgare:web:unreachable";
    /// <summary>The service took longer than the client waits.</summary>
    public const string TimeoutType = "urn:medborgare:web:timeout";
    /// <summary>The service answered a success the client cannot read (not JSON, or not the expected record).</summary>
    public const string UnreadableType = "urn:medborgare:web:unreadable";

    static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static ApiProblem Unreachable { get; } = new(0, UnreachableType, null, null, None, None);
    public static ApiProblem Timeout { get; } = new(0, TimeoutType, null, null, None, None);
    public static ApiProblem Unreadable { get; } = new(0, UnreadableType, null, null, None, None);

    /// <summary>A problem of the web app's own making (say, a record missing from a list), shown like a service's.</summary>
    public static ApiProblem Of(int status, string? title) => new(status, null, title, null, None, None);

    /// <summary>The body of the refusal, for the few answers that carry more than a ProblemDetails (a frame file's bad rows).</summary>
    public JsonElement? Body { get; init; }

    public bool IsUnreachable => Status == 0;
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;
    public bool IsValidation => Errors.Count > 0 || Codes.Count > 0;

    /// <summary>The first message for a field, or null. Field names compare without case (<c>goalArea</c>, <c>GoalArea</c>).</summary>
    public string? ErrorFor(string field) => First(Errors, field);

    /// <summary>The first code for a field, or null.</summary>
    public string? CodeFor(string field) => First(Codes, field);

    /// <summary>The fields with a message or a code, in the order the service listed them.</summary>
    public IEnumerable<string> Fields => Errors.Keys.Concat(Codes.Keys).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a code was refused, from the problem type Collection sends (<c>urn:medborgare:code-…</c>).</summary>
    public CodeRefusal Refusal => Type switch
    {
        "urn:medborgare:code-typo" => CodeRefusal.Typo,
        "urn:medborgare:code-unknown" => CodeRefusal.Unknown,
        "urn:medborgare:code-used" => CodeRefusal.Used,
        "urn:medborgare:survey-closed" => CodeRefusal.SurveyClosed,
        "urn:medborgare:code-expired" => CodeRefusal.Expired,
        "urn:medborgare:throttled" => CodeRefusal.Throttled,
        // The rate limiter in front of the public endpoints answers 429 without a problem body.
        _ when Status == StatusCodes.Status429TooManyRequests => CodeRefusal.Throttled,
        _ => CodeRefusal.None,
    };

    static string? First(IReadOnlyDictionary<string, string[]> map, string field) =>
        map.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
