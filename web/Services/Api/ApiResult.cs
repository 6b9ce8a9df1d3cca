using System.Diagnostics.CodeAnalysis;

namespace Medborgare.Web.Services;

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

    /// <summary>The value turned into another, or the same problem.</summary>
    public ApiResult<TOut> Select<TOut>(Func<T, TOut> map) =>
        Succeeded ? ApiResult<TOut>.Success(map(Value)) : ApiResult<TOut>.Failure(Problem);
}
