using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Medborgare.ServiceDefaults;

/// <summary>
/// The client's mistakes, answered as such in every environment: a body that cannot be read or bound (400, naming the
/// JSON path where there is one), a body too large (413), the wrong content type (415), and a value the database refuses
/// because it is out of range or too long (400), or because it breaks a unique or reference rule (409). Nothing of
/// the request is kept: every write is one transaction, and the failed statement rolled it back.
/// Anything else is a real server fault: the framework logs it at Error and answers 500 with a trace id.
/// </summary>
public sealed class ClientErrorHandler(IProblemDetailsService problems, ILogger<ClientErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (http.Response.HasStarted || Classify(exception) is not { } problem) return false;
        if (exception is BadHttpRequestException)
        {
            logger.LogInformation("{Method} {Path} answered {Status} {Type}: {Detail}", http.Request.Method, http.Request.Path, problem.Status,
                problem.Type, problem.Detail);
        }
        else
        {
            // The database refused a value that the endpoint should have checked first: the client still gets its 4xx, and
            // the log says which check is missing.
            logger.LogWarning(exception, "{Method} {Path}: the database refused a value the endpoint did not check; answered {Status}",
                http.Request.Method, http.Request.Path, problem.Status);
        }
        http.Response.StatusCode = problem.Status;
        // A body over the limit that Kestrel found while reading (one sent without a length) is not read further: Kestrel would abort
        // the connection under whatever the client sends next on it, so it is closed after this answer. (UseBodyLimit deals with the
        // bodies whose declared length is over the limit before anything reads them.)
        if (problem.Status == StatusCodes.Status413PayloadTooLarge && exception is not ClientErrorHandling.DeclaredBodyTooLargeException)
            http.Response.Headers.Connection = "close";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = problem.Status,
                Type = problem.Type,
                Title = problem.Title,
                Detail = problem.Detail,
                Extensions = problem.Field is null ? new Dictionary<string, object?>()
                    : new Dictionary<string, object?>
                    {
                        ["errors"] = new Dictionary<string, string[]> { [problem.Field] = [problem.Code] },
                        [CodedProblems.CodesKey] = new Dictionary<string, string[]> { [problem.Field] = [problem.Code] },
                    },
            },
        });
    }

    public sealed record ClientProblem(int Status, string Type, string Code, string Title, string Detail, string? Field = null);

    /// <summary>What the client did wrong, or null when the exception is not the client's doing.</summary>
    public static ClientProblem? Classify(Exception exception)
    {
        if (exception is BadHttpRequestException bad) return FromBadRequest(bad);
        if (Find<PostgresException>(exception) is { } pg) return FromDatabase(pg);
        return null;
    }

    static ClientProblem FromBadRequest(BadHttpRequestException bad)
    {
        if (Find<JsonException>(bad) is { } json) return Malformed(json);
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new(413, Urn("body-too-large"), "body-too-large", "Request body too large", Describe(bad)),
            StatusCodes.Status415UnsupportedMediaType => new(415, Urn("unsupported-media-type"), "unsupported-media-type", "Unsupported content type",
                "This endpoint expects a body of another content type (for JSON: Content-Type: application/json)."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => new(431, Urn("headers-too-large"), "headers-too-large", "Request headers too large",
                "The request's headers are larger than accepted."),
            _ => new(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, Urn("bad-request"), "bad-request", "The request could not be read",
                Describe(bad)),
        };
    }

    static ClientProblem Malformed(JsonException json)
    {
        // System.Text.Json names the place: "$.answers[2].number". "$" alone means the body as a whole.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path.TrimStart('$').TrimStart('.');
        var where = field is null ? "" : $" at '{field}'";
        var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
        return new(400, Urn("malformed-body"), field is null ? "malformed-json" : "invalid-value", "The request body is not valid",
            $"The JSON body is malformed or holds a value of the wrong type{where}{line}.", field ?? "body");
    }

    static ClientProblem? FromDatabase(PostgresException pg) => pg.SqlState switch
    {
        // Class 22, data exceptions: a value too long, out of range, or not text PostgreSQL can store.
        PostgresErrorCodes.StringDataRightTruncation => Value(pg, "too-long", "A value is longer than allowed."),
        PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.IntervalFieldOverflow
            => Value(pg, "out-of-range", "A value is out of range."),
        PostgresErrorCodes.InvalidTextRepresentation or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
            or PostgresErrorCodes.InvalidParameterValue or PostgresErrorCodes.NullValueNotAllowed
            => Value(pg, "invalid-value", "A value cannot be stored."),
        PostgresErrorCodes.UniqueViolation => new(409, Urn("conflict"), "duplicate", "Conflict", "Something with the same key exists already."),
        PostgresErrorCodes.ForeignKeyViolation => new(409, Urn("conflict"), "reference", "Conflict",
            "The request refers to something that does not exist, or something still refers to what it changes."),
        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation => Value(pg, "invalid-value", "A value breaks a rule of the data."),
        _ => null,
    };

    static ClientProblem Value(PostgresException pg, string code, string detail) =>
        new(400, Urn("invalid-value"), code, "A value is not valid", detail, pg.ColumnName is { Length: > 0 } column ? column : "body");

    static string Describe(BadHttpRequestException bad) =>
        // The framework's messages name the parameter ("Required parameter \"CodeRequest request\" was not provided from body.").
        bad.Message.Length <= 300 ? bad.Message : bad.Message[..300];

    static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }
        return null;
    }

    static string Urn(string type) => $"urn:medborgare:{type}";
}
