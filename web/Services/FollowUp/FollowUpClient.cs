using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Distribution;

namespace Medborgare.Web.Services.FollowUp;

/// <summary>
/// The FollowUp service's API as the politicians' pages and the goal administration use it. Every call returns a value or an
/// <see cref="ApiProblem"/>; a service that does not answer becomes <see cref="ApiProblem.Unreachable"/>, never an exception.
/// </summary>
public sealed class FollowUpClient(IHttpClientFactory clients, ILogger<FollowUpClient> logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    HttpClient Http => clients.CreateClient(ResourceNames.FollowUp);

    /// <summary>Imports and writes: a retry must not import a file twice.</summary>
    HttpClient Long => clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.FollowUp));

    static string YearQuery(int? year) => year is { } y ? $"?year={y}" : "";

    public Task<ApiResult<OverviewDto>> OverviewAsync(int? year, CancellationToken ct) =>
        SendAsync<OverviewDto>(Http, HttpMethod.Get, "/api/followup/overview" + YearQuery(year), null, ct);
    public Task<ApiResult<GoalAreaView>> GoalAreaAsync(Guid id, int? year, CancellationToken ct) =>
        SendAsync<GoalAreaView>(Http, HttpMethod.Get, $"/api/followup/goal-areas/{id}" + YearQuery(year), null, ct);
    public Task<ApiResult<IndicatorSeries>> SeriesAsync(Guid indicatorId, CancellationToken ct) =>
        SendAsync<IndicatorSeries>(Http, HttpMethod.Get, $"/api/followup/indicators/{indicatorId}/series", null, ct);

    public Task<ApiResult<GoalDto[]>> GoalsAsync(CancellationToken ct) => SendAsync<GoalDto[]>(Http, HttpMethod.Get, "/api/goals", null, ct);
    public Task<ApiResult<GoalDto>> GoalAsync(Guid id, CancellationToken ct) => SendAsync<GoalDto>(Http, HttpMethod.Get, $"/api/goals/{id}", null, ct);
    public Task<ApiResult<GoalDto>> CreateGoalAsync(GoalRequest request, CancellationToken ct) =>
        SendAsync<GoalDto>(Long, HttpMethod.Post, "/api/goals", request, ct);
    public Task<ApiResult<GoalDto>> UpdateGoalAsync(Guid id, GoalRequest request, CancellationToken ct) =>
        SendAsync<GoalDto>(Long, HttpMethod.Put, $"/api/goals/{id}", request, ct);
    public Task<ApiResult<bool>> DeleteGoalAsync(Guid id, CancellationToken ct) => SendAsync<bool>(Long, HttpMethod.Delete, $"/api/goals/{id}", null, ct);

    public Task<ApiResult<IndicatorDto[]>> IndicatorsAsync(Guid goalId, CancellationToken ct) =>
        SendAsync<IndicatorDto[]>(Http, HttpMethod.Get, $"/api/indicators?goalId={goalId}", null, ct);
    public Task<ApiResult<IndicatorDto>> IndicatorAsync(Guid id, CancellationToken ct) =>
        SendAsync<IndicatorDto>(Http, HttpMethod.Get, $"/api/indicators/{id}", null, ct);
    public Task<ApiResult<IndicatorDto>> CreateIndicatorAsync(IndicatorRequest request, CancellationToken ct) =>
        SendAsync<IndicatorDto>(Long, HttpMethod.Post, "/api/indicators", request, ct);
    public Task<ApiResult<IndicatorDto>> UpdateIndicatorAsync(Guid id, IndicatorRequest request, CancellationToken ct) =>
        SendAsync<IndicatorDto>(Long, HttpMethod.Put, $"/api/indicators/{id}", request, ct);
    public Task<ApiResult<bool>> DeleteIndicatorAsync(Guid id, CancellationToken ct) =>
        SendAsync<bool>(Long, HttpMethod.Delete, $"/api/indicators/{id}", null, ct);

    public Task<ApiResult<IndicatorDto>> SetTargetAsync(Guid id, int year, double target, CancellationToken ct) =>
        SendAsync<IndicatorDto>(Long, HttpMethod.Put, $"/api/indicators/{id}/targets/{year}", new TargetRequest(target), ct);

    public Task<ApiResult<AssessmentDto>> AssessmentAsync(Guid goalId, int year, CancellationToken ct) =>
        SendAsync<AssessmentDto>(Http, HttpMethod.Get, $"/api/goals/{goalId}/assessments/{year}", null, ct);
    public Task<ApiResult<AssessmentDto>> OverrideAssessmentAsync(Guid goalId, int year, OverrideRequest request, CancellationToken ct) =>
        SendAsync<AssessmentDto>(Long, HttpMethod.Put, $"/api/goals/{goalId}/assessments/{year}", request, ct);

    public Task<ApiResult<ImportDto[]>> ImportsAsync(CancellationToken ct) => SendAsync<ImportDto[]>(Http, HttpMethod.Get, "/api/keyfigures/imports", null, ct);
    public Task<ApiResult<ImportDto>> ImportAsync(Guid id, CancellationToken ct) =>
        SendAsync<ImportDto>(Http, HttpMethod.Get, $"/api/keyfigures/imports/{id}", null, ct);
    public Task<ApiResult<ImportDto>> StartUrlImportAsync(UrlImportBody body, CancellationToken ct) =>
        SendAsync<ImportDto>(Long, HttpMethod.Post, "/api/keyfigures/imports", body, ct);

    /// <summary>Sends a Kolada JSON document as it is (values, or KPI metadata when <paramref name="kpis"/>); the service checks it all.</summary>
    public async Task<ApiResult<ImportDto>> ImportFileAsync(Stream document, bool kpis, CancellationToken ct)
    {
        var path = "/api/keyfigures/imports/file?content=" + (kpis ? "kpis" : "values");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(document) };
            request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            using var response = await Long.SendAsync(request, ct);
            return await ReadAsync<ImportDto>(response, ct);
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "FollowUp did not answer a key-figure file import");
            return ApiResult<ImportDto>.Failure(ApiProblem.Unreachable);
        }
    }

    async Task<ApiResult<T>> SendAsync<T>(HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            using var response = await http.SendAsync(request, ct);
            return await ReadAsync<T>(response, ct);
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "FollowUp did not answer {Method} {Path}", method, path);
            return ApiResult<T>.Failure(ApiProblem.Unreachable);
        }
    }

    static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) return ApiResult<T>.Failure(await ReadProblemAsync(response, ct));
        // A delete answers 204 with no body.
        if (typeof(T) == typeof(bool)) return ApiResult<T>.Success((T)(object)true);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
        return value is null ? ApiResult<T>.Failure(new ApiProblem((int)response.StatusCode, null, null, new Dictionary<string, string[]>()))
            : ApiResult<T>.Success(value);
    }

    /// <summary>Reads a ProblemDetails body (title, detail, errors) if there is one; any other body leaves just the status.</summary>
    static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? title = null, detail = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    title = StringProperty(root, "title");
                    detail = StringProperty(root, "detail");
                    if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in fields.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Array))
                        {
                            errors[field.Name] = field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToArray();
                        }
                    }
                }
            }
            catch (JsonException) { }
        }
        return new ApiProblem(status, title, detail, errors);
    }

    static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutException or JsonException or Polly.ExecutionRejectedException
        || (ex is TaskCanceledException && !ct.IsCancellationRequested);
}
