using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Medborgare.ServiceDefaults;

/// <summary>A service's own text in the two languages it answers in: Swedish (the default) and English.</summary>
public sealed record ServiceText(string Sv, string En)
{
    public string In(HttpContext http) => CodedProblems.PrefersEnglish(http) ? En : Sv;
}

/// <summary>One field's error: a stable code for the web app to word in its own way, and the service's own text.</summary>
public sealed record FieldError(string Code, ServiceText Text)
{
    public FieldError(string code, string sv, string en) : this(code, new ServiceText(sv, en)) { }
}

/// <summary>
/// Refusals that carry codes, not sentences: every one has a stable <c>type</c> (<c>urn:medborgare:…</c>), a validation
/// problem lists each field's codes under <c>codes</c> beside the messages under <c>errors</c>, and the title, detail and
/// messages follow the request's Accept-Language (Swedish unless English is preferred).
/// </summary>
public static class CodedProblems
{
    public const string ValidationType = "urn:medborgare:validation";
    /// <summary>The ProblemDetails extension with the codes per field: <c>{ "field": ["code", …] }</c>.</summary>
    public const string CodesKey = "codes";

    static readonly ServiceText ValidationTitle = new("Ett eller flera värden är inte giltiga", "One or more values are not valid");

    public static string Urn(string type) => $"urn:medborgare:{type}";

    /// <summary>English when the request asks for it before Swedish; Swedish otherwise.</summary>
    public static bool PrefersEnglish(HttpContext http)
    {
        IList<StringWithQualityHeaderValue> languages = http.Request.Headers.AcceptLanguage.Count == 0 ? [] : http.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var value = language.Value.Value ?? "";
            if (value.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return true;
            if (value.StartsWith("sv", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    public static ValidationProblem Validation(HttpContext http, IEnumerable<KeyValuePair<string, FieldError[]>> errors)
    {
        var list = errors.ToList();
        return TypedResults.ValidationProblem(
            list.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Text.In(http)).ToArray()),
            title: ValidationTitle.In(http),
            type: ValidationType,
            extensions: new Dictionary<string, object?> { [CodesKey] = list.ToDictionary(e => e.Key, e => e.Value.Select(f => f.Code).ToArray()) });
    }

    public static ValidationProblem Validation(HttpContext http, string field, FieldError error) => Validation(http, [new(field, [error])]);

    /// <summary>A refusal of the service's own: <paramref name="type"/> becomes <c>urn:medborgare:type</c>.</summary>
    public static ProblemHttpResult Problem(HttpContext http, int status, string type, ServiceText title, ServiceText detail) =>
        TypedResults.Problem(title: title.In(http), detail: detail.In(http), statusCode: status, type: Urn(type));

    /// <summary>
    /// A 4xx ProblemDetails that the framework or an endpoint left with the framework's default type (a link to the HTTP
    /// specification) or none gets a stable one by its status.
    /// </summary>
    public static void ApplyDefaultType(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (status is < 400 or >= 500) return;
        if (problem.Type is not null && !problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal)) return;
        problem.Type = Urn(status switch
        {
            400 when problem is HttpValidationProblemDetails => "validation",
            400 => "bad-request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not-found",
            405 => "method-not-allowed",
            409 => "conflict",
            410 => "gone",
            413 => "body-too-large",
            415 => "unsupported-media-type",
            422 => "unprocessable",
            429 => "throttled",
            _ => "client-error",
        });
    }
}
