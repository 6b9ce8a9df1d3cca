using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Distribution;

/// <summary>
/// The Distribution service's staff API as the analyst's pages use it. Every call returns a value or an <see cref="ApiProblem"/>;
/// a service that does not answer becomes <see cref="ApiProblem.Unreachable"/>, never an exception on a page.
/// </summary>
public sealed class DistributionClient(IHttpClientFactory clients, ILogger<DistributionClient> logger)
{
    static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Quick reads and small changes, with the standard retries.</summary>
    HttpClient Http => clients.CreateClient(ResourceNames.Distribution);

    /// <summary>Work that may take long or must not be repeated by a retry: frames, the sample, invitations, files.</summary>
    HttpClient Long => clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Distribution));

    static string Survey(Guid id) => $"/api/surveys/{id}";

    public Task<ApiResult<SurveyDto[]>> ListSurveysAsync(CancellationToken ct) => SendAsync<SurveyDto[]>(Http, HttpMethod.Get, "/api/surveys", null, ct);
    public Task<ApiResult<SurveyDto>> GetSurveyAsync(Guid id, CancellationToken ct) => SendAsync<SurveyDto>(Http, HttpMethod.Get, Survey(id), null, ct);
    public Task<ApiResult<SurveyDto>> CreateSurveyAsync(CreateSurveyRequest request, CancellationToken ct) =>
        SendAsync<SurveyDto>(Long, HttpMethod.Post, "/api/surveys", request, ct);
    public Task<ApiResult<SurveyDto>> PublishAsync(Guid id, CancellationToken ct) => SendAsync<SurveyDto>(Long, HttpMethod.Post, $"{Survey(id)}/publish", null, ct);
    public Task<ApiResult<SurveyDto>> CloseAsync(Guid id, int? retentionDays, CancellationToken ct) =>
        SendAsync<SurveyDto>(Long, HttpMethod.Post, $"{Survey(id)}/close", new CloseSurveyRequest(retentionDays), ct);
    public Task<ApiResult<SurveyDto>> PurgeNowAsync(Guid id, CancellationToken ct) => SendAsync<SurveyDto>(Long, HttpMethod.Post, $"{Survey(id)}/purge", null, ct);

    public Task<ApiResult<QuestionnaireDto>> GetQuestionnaireAsync(Guid id, CancellationToken ct) =>
        SendAsync<QuestionnaireDto>(Http, HttpMethod.Get, $"{Survey(id)}/questionnaire", null, ct);

    /// <summary>The questionnaire as Distribution stores it, indented for reading and editing by hand.</summary>
    public async Task<ApiResult<string>> GetQuestionnaireJsonAsync(Guid id, CancellationToken ct)
    {
        var read = await SendAsync<JsonElement>(Http, HttpMethod.Get, $"{Survey(id)}/questionnaire", null, ct);
        return read.Succeeded
            ? ApiResult<string>.Success(JsonSerializer.Serialize(read.Value, IndentedJson))
            : ApiResult<string>.Failure(read.Problem);
    }

    /// <summary>
    /// Checks (<paramref name="save"/> false) or replaces a draft's questionnaire with JSON written by the analyst. The text is
    /// sent as it is, so that Distribution's own parser and validator answer.
    /// </summary>
    public async Task<ApiResult<bool>> SubmitQuestionnaireJsonAsync(Guid id, string json, bool save, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(save ? HttpMethod.Put : HttpMethod.Post,
                save ? $"{Survey(id)}/questionnaire" : $"{Survey(id)}/questionnaire/validate")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await Long.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? ApiResult<bool>.Success(true) : ApiResult<bool>.Failure(await ReadProblemAsync(response, ct));
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "Distribution did not answer the questionnaire for survey {SurveyId}", id);
            return ApiResult<bool>.Failure(ApiProblem.Unreachable);
        }
    }

    public Task<ApiResult<FrameSummary>> GetFrameAsync(Guid id, CancellationToken ct) => SendAsync<FrameSummary>(Http, HttpMethod.Get, $"{Survey(id)}/frame", null, ct);
    public Task<ApiResult<FrameSummary>> GenerateFrameAsync(Guid id, SyntheticFrameRequest request, CancellationToken ct) =>
        SendAsync<FrameSummary>(Long, HttpMethod.Post, $"{Survey(id)}/frame/synthetic", request, ct);

    /// <summary>Sends a CSV file as the frame. A file with bad rows comes back as a <see cref="FrameProblem"/> (and nothing is stored).</summary>
    public async Task<(ApiResult<FrameSummary> Result, FrameProblem? LineErrors)> ImportFrameAsync(Guid id, Stream csv, CancellationToken ct)
    {
        try
        {
            using var content = new StreamContent(csv);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
            using var response = await Long.PutAsync($"{Survey(id)}/frame", content, ct);
            if (response.StatusCode != HttpStatusCode.BadRequest) return (await ReadAsync<FrameSummary>(response, ct), null);
            var body = await response.Content.ReadAsStringAsync(ct);
            return ParseFrameProblem(body) is { } lineErrors
                ? (ApiResult<FrameSummary>.Failure(new ApiProblem(400, lineErrors.Title, null, new Dictionary<string, string[]>())), lineErrors)
                : (ApiResult<FrameSummary>.Failure(ParseProblem(400, response.Content.Headers.ContentType?.MediaType, body)), null);
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "Distribution did not answer the frame import for survey {SurveyId}", id);
            return (ApiResult<FrameSummary>.Failure(ApiProblem.Unreachable), null);
        }
    }

    public Task<ApiResult<SampleDto>> GetSampleAsync(Guid id, CancellationToken ct) => SendAsync<SampleDto>(Http, HttpMethod.Get, $"{Survey(id)}/sample", null, ct);
    public Task<ApiResult<SampleDto>> DrawSampleAsync(Guid id, DrawSampleRequest request, CancellationToken ct) =>
        SendAsync<SampleDto>(Long, HttpMethod.Post, $"{Survey(id)}/sample", request, ct);

    public Task<ApiResult<IssueResult>> IssueInvitationsAsync(Guid id, CancellationToken ct) =>
        SendAsync<IssueResult>(Long, HttpMethod.Post, $"{Survey(id)}/invitations", null, ct);
    public Task<ApiResult<Letter[]>> GetLettersAsync(Guid id, int? round, CancellationToken ct) =>
        SendAsync<Letter[]>(Long, HttpMethod.Get, $"{Survey(id)}/letters{RoundQuery(round)}", null, ct);
    public Task<ApiResult<ReminderResult>> StartReminderRoundAsync(Guid id, CancellationToken ct) =>
        SendAsync<ReminderResult>(Long, HttpMethod.Post, $"{Survey(id)}/reminders", null, ct);
    public Task<ApiResult<ResponseRate>> GetResponseRateAsync(Guid id, CancellationToken ct) =>
        SendAsync<ResponseRate>(Http, HttpMethod.Get, $"{Survey(id)}/response-rate", null, ct);

    /// <summary>Opens the print house's CSV (all letters, or reminder round 1 or 2) as a stream, without buffering it.</summary>
    public async Task<ApiResult<FileDownload>> OpenPrintFileAsync(Guid id, int? round, CancellationToken ct)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await Long.GetAsync($"{Survey(id)}/invitations/print-file{RoundQuery(round)}", HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                using (response) return ApiResult<FileDownload>.Failure(await ReadProblemAsync(response, ct));
            }
            var disposition = response.Content.Headers.ContentDisposition;
            var fileName = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"') is { Length: > 0 } name ? name : "utskick.csv";
            var contentType = response.Content.Headers.ContentType?.ToString() ?? "text/csv; charset=utf-8";
            var stream = await response.Content.ReadAsStreamAsync(ct);
            return ApiResult<FileDownload>.Success(new FileDownload(stream, contentType, fileName, response));
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            response?.Dispose();
            logger.LogWarning(ex, "Distribution did not send the print file for survey {SurveyId}", id);
            return ApiResult<FileDownload>.Failure(ApiProblem.Unreachable);
        }
    }

    static string RoundQuery(int? round) => round is > 0 ? $"?round={round}" : "";

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
            logger.LogWarning(ex, "Distribution did not answer {Method} {Path}", method, path);
            return ApiResult<T>.Failure(ApiProblem.Unreachable);
        }
    }

    static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) return ApiResult<T>.Failure(await ReadProblemAsync(response, ct));
        var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
        return value is null ? ApiResult<T>.Failure(new ApiProblem((int)response.StatusCode, null, null, new Dictionary<string, string[]>()))
            : ApiResult<T>.Success(value);
    }

    static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct) =>
        ParseProblem((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct));

    /// <summary>Reads a ProblemDetails body (title, detail, errors) if there is one; any other body leaves just the status.</summary>
    static ApiProblem ParseProblem(int status, string? mediaType, string body)
    {
        string? title = null, detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (mediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(body);
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

    /// <summary>Distribution lists a frame file's bad rows as <c>{ title, errors: [{ line, column, message }], truncated }</c>.</summary>
    static FrameProblem? ParseFrameProblem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? root.Deserialize<FrameProblem>(Json)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The service is down, slow or refused by the resilience pipeline; the caller's own cancellation is not swallowed.</summary>
    static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutException or JsonException or Polly.ExecutionRejectedException
        || (ex is TaskCanceledException && !ct.IsCancellationRequested);
}
