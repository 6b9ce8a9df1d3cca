namespace Medborgare.HostileInput;

/// <summary>One operation of a service's OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, string OperationId, IReadOnlyList<ApiParameter> Parameters, ApiBody? Body)
{
    /// <summary>GET and HEAD read; every other method may change state, so a request to one must never be valid.</summary>
    public bool IsSafe => Method is "GET" or "HEAD" or "OPTIONS";

    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");
    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(p => p.In == "query");

    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>A path, query or header parameter (<c>in</c> as in the document).</summary>
public sealed record ApiParameter(string Name, string In, bool Required, ApiSchema Schema);

/// <summary>A request body: whether it is required and the media types it is declared for.</summary>
public sealed record ApiBody(bool Required, IReadOnlyList<ApiContent> Content)
{
    /// <summary>The JSON media type, if the body is declared as JSON (application/json or any +json type).</summary>
    public ApiContent? Json => Content.FirstOrDefault(c => IsJson(c.MediaType));

    public static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}

public sealed record ApiContent(string MediaType, ApiSchema Schema);
