using System.Diagnostics.CodeAnalysis;

namespace Medborgare.Web.Services.Resident;

/// <summary>Why a code was refused, from the problem type Collection sends (<c>urn:medborgare:code-…</c>).</summary>
public enum CodeRefusal { None, Typo, Unknown, Used, SurveyClosed, Expired, Throttled }

/// <summary>
/// What Collection said when it refused: the status, the problem type and validation errors keyed as the service keys them
/// (question keys, or camelCase field names). Status 0 means Collection did not answer at all.
/// </summary>
public sealed record CollectionProblem(int Status, string? Type, IReadOnlyDictionary<string, string[]> Errors)
{
    public static CollectionProblem Unreachable { get; } = new(0, null, new Dictionary<string, string[]>());

    public bool IsUnreachable => Status == 0;
    public bool IsValidation => Errors.Count > 0;

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

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>A call's value, or the problem that stopped it. Never an exception.</summary>
public sealed class CollectionResult<T>
{
    CollectionResult(T? value, CollectionProblem? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }
    public CollectionProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static CollectionResult<T> Success(T value) => new(value, null);
    public static CollectionResult<T> Failure(CollectionProblem problem) => new(default, problem);
}
