using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medborgare.Web.Services;

/// <summary>
/// The one way the web app calls a service: send, read the answer into an <see cref="ApiResult{T}"/>, and read any refusal
/// into an <see cref="ApiProblem"/>. Nothing a service does (a body that is not JSON, an empty 204, no answer, a timeout)
/// becomes an exception on a page; only the caller's own cancellation is let through. Every request says which language
/// the page is in, so that the service's own <c>detail</c> and messages follow it.
/// </summary>
public sealed class ApiHttp(HttpClient http, ILogger logger)
{
    /// <summary>
    /// The services' JSON: web defaults, enums as names, and "NaN" for a standard error that cannot be estimated. Records that
    /// carry only the fields a page uses read a larger answer without complaint.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// The record a call expects back, set on each request that expects one: the contract test checks it against the service's
    /// OpenAPI document.
    /// </summary>
    public static readonly HttpRequestOptionsKey<Type> ExpectedResponse = new("medborgare.expected-response");

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, ct);

    /// <summary>Sends <paramref name="body"/> (if any) as JSON and reads the answer as a <typeparamref name="T"/>.</summary>
    public Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync(method, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json), ReadValueAsync<T>, ct, typeof(T));

    /// <summary>Sends and expects no value back: any success (200 with a body, 201, 204) is done.</summary>
    public Task<ApiResult<bool>> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsync(method, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json), Done, ct);

    /// <summary>Sends a body as it is (a file, the analyst's own JSON) and reads the answer as a <typeparamref name="T"/>.</summary>
    public Task<ApiResult<T>> SendContentAsync<T>(HttpMethod method, string path, HttpContent content, CancellationToken ct) =>
        SendAsync(method, path, content, ReadValueAsync<T>, ct, typeof(T));

    /// <summary>Sends a body as it is and expects no value back.</summary>
    public Task<ApiResult<bool>> SendContentAsync(HttpMethod method, string path, HttpContent content, CancellationToken ct) =>
        SendAsync(method, path, content, Done, ct);

    /// <summary>Opens a file as a stream, without buffering it; the caller disposes <see cref="FileDownload.Owner"/>.</summary>
    public async Task<ApiResult<FileDownload>> OpenFileAsync(string path, string fallbackName, string fallbackType, CancellationToken ct)
    {
        HttpResponseMessage? response = null;
        try
        {
            using var request = Request(HttpMethod.Get, path, null);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                using (response) return ApiResult<FileDownload>.Failure(await ReadProblemAsync(response, ct));
            }
            var disposition = response.Content.Headers.ContentDisposition;
            var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"') is { Length: > 0 } given ? given : fallbackName;
            var type = response.Content.Headers.ContentType?.ToString() ?? fallbackType;
            return ApiResult<FileDownload>.Success(new FileDownload(await response.Content.ReadAsStreamAsync(ct), type, name, response));
        }
        catch (Exception ex) when (Failed(ex, ct) is { } problem)
        {
            response?.Dispose();
            Log(ex, HttpMethod.Get, path, problem);
            return ApiResult<FileDownload>.Failure(problem);
        }
    }

    async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content,
        Func<HttpResponseMessage, CancellationToken, Task<ApiResult<T>>> read, CancellationToken ct, Type? expected = null)
    {
        try
        {
            using var request = Request(method, path, content);
            if (expected is not null) request.Options.Set(ExpectedResponse, expected);
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? await read(response, ct) : ApiResult<T>.Failure(await ReadProblemAsync(response, ct));
        }
        catch (Exception ex) when (Failed(ex, ct) is { } problem)
        {
            // The path only, never the body: a resident's code travels in bodies.
            Log(ex, method, path, problem);
            return ApiResult<T>.Failure(problem);
        }
    }

    static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "en" ? "en" : "sv"));
        return request;
    }

    static Task<ApiResult<bool>> Done(HttpResponseMessage response, CancellationToken ct) => Task.FromResult(ApiResult<bool>.Success(true));

    static async Task<ApiResult<T>> ReadValueAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        // A success without a body (204, or an empty 200) is not the record the caller asked for.
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return ApiResult<T>.Failure(ApiProblem.Unreadable);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
        return value is null ? ApiResult<T>.Failure(ApiProblem.Unreadable) : ApiResult<T>.Success(value);
    }

    /// <summary>Reads a ProblemDetails body (type, title, detail, errors, codes) if there is one; any other body leaves the status.</summary>
    public static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
            return ApiProblem.Of(status, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ApiProblem.Of(status, null);
            return new ApiProblem(status, Text(root, "type"), Text(root, "title"), Text(root, "detail"), Fields(root, "errors"), Fields(root, "codes"))
            {
                Body = root.Clone(),
            };
        }
        catch (JsonException)
        {
            return ApiProblem.Of(status, null);
        }
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>{ "field": ["…", …] }</c>; anything else under that name (a frame file's list of bad rows) is not per-field.</summary>
    static Dictionary<string, string[]> Fields(JsonElement root, string name)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty(name, out var map) || map.ValueKind != JsonValueKind.Object) return fields;
        foreach (var field in map.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
        {
            fields[field.Name] = field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray();
        }
        return fields;
    }

    /// <summary>
    /// What a failure to get an answer is: no answer, too slow (the client's timeout or the resilience pipeline's), or a success
    /// that cannot be read. Null for the caller's own cancellation, which goes on up.
    /// </summary>
    static ApiProblem? Failed(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException when ct.IsCancellationRequested => null,
        TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException => ApiProblem.Timeout,
        HttpRequestException or Polly.ExecutionRejectedException => ApiProblem.Unreachable,
        JsonException or NotSupportedException => ApiProblem.Unreadable,
        _ => null,
    };

    void Log(Exception ex, HttpMethod method, string path, ApiProblem problem) =>
        logger.LogWarning(ex, "{Address} gave no usable answer to {Method} {Path}: {Problem}", http.BaseAddress, method, path, problem.Type);
}
