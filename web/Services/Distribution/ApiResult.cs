using System.Diagnostics.CodeAnalysis;

namespace Medborgare.Web.Services.Distribution;

/// <summary>
/// What a service said when it refused: the HTTP status, the ProblemDetails title and detail, and validation errors keyed by
/// camelCase field name. Status 0 means the service did not answer at all.
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Unreachable { get; } = new(0, null, null, new Dictionary<string, string[]>());

    public bool IsUnreachable => Status == 0;
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    /// <summary>The first message for a field, or null.</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>A service call's value, or the problem that stopped it. Never an exception.</summary>
public sealed class ApiResult<T>
{
    ApiResult(T? value, ApiProblem? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }
    public ApiProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Success(T value) => new(value, null);
    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}
