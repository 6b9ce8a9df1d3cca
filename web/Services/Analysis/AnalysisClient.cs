using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Distribution;

namespace Medborgare.Web.Services.Analysis;

/// <summary>
/// The Analysis service's results API as the analyst's results pages use it. Every call returns a value or an
/// <see cref="ApiProblem"/>; a service that does not answer becomes <see cref="ApiProblem.Unreachable"/>, never an exception.
/// </summary>
public sealed class AnalysisClient(IHttpClientFactory clients, ILogger<AnalysisClient> logger)
{
    // Analysis writes NaN as "NaN" for a standard error that cannot be estimated (a stratum with one respondent).
    static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    HttpClient Http => clients.CreateClient(ResourceNames.Analysis);

    /// <summary>Publishing and files: no retry may send results twice, and an export may take a while.</summary>
    HttpClient Long => clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Analysis));

    static string Survey(Guid id) => $"/api/surveys/{id}";

    public Task<ApiResult<AnalysedSurveyDto[]>> ListSurveysAsync(CancellationToken ct) =>
        SendAsync<AnalysedSurveyDto[]>(Http, HttpMethod.Get, "/api/surveys", ct);

    public Task<ApiResult<SurveyResultsDto>> GetResultsAsync(Guid id, CancellationToken ct) =>
        SendAsync<SurveyResultsDto>(Http, HttpMethod.Get, $"{Survey(id)}/results", ct);

    public Task<ApiResult<BreakdownDto[]>> GetBreakdownAsync(Guid id, string questionKey, CancellationToken ct) =>
        SendAsync<BreakdownDto[]>(Http, HttpMethod.Get, $"{Survey(id)}/results/breakdown?question={Uri.EscapeDataString(questionKey)}", ct);

    /// <summary>The answers to one free-text question: plain strings, or objects with a text.</summary>
    public async Task<ApiResult<string[]>> GetFreeTextAsync(Guid id, string questionKey, CancellationToken ct)
    {
        var read = await SendAsync<JsonElement>(Http, HttpMethod.Get, $"{Survey(id)}/free-text?question={Uri.EscapeDataString(questionKey)}", ct);
        return read.Succeeded ? ApiResult<string[]>.Success(Items(read.Value).Select(TextOf).OfType<string>().ToArray()) : ApiResult<string[]>.Failure(read.Problem);
    }

    public async Task<ApiResult<FeedbackDto[]>> GetFeedbackAsync(Guid id, CancellationToken ct)
    {
        var read = await SendAsync<JsonElement>(Http, HttpMethod.Get, $"{Survey(id)}/feedback", ct);
        if (!read.Succeeded) return ApiResult<FeedbackDto[]>.Failure(read.Problem);
        var items = Items(read.Value).Select(e => e.ValueKind == JsonValueKind.String
            ? new FeedbackDto(null, null, null, null, e.GetString(), null, null)
            : e.Deserialize<FeedbackDto>(Json)).OfType<FeedbackDto>().ToArray();
        return ApiResult<FeedbackDto[]>.Success(items);
    }

    /// <summary>Publishes the year's results; <paramref name="keepCurrent"/>: answers counted later republish them until the survey closes.</summary>
    public Task<ApiResult<JsonElement>> PublishAsync(Guid id, bool keepCurrent, CancellationToken ct) =>
        SendAsync<JsonElement>(Long, HttpMethod.Post, $"{Survey(id)}/results/publish" + (keepCurrent ? "?keepCurrent=true" : ""), ct, allowEmpty: true);

    /// <summary>Answers counted from now on no longer republish the published results; they wait for the next publication.</summary>
    public Task<ApiResult<JsonElement>> StopKeepingCurrentAsync(Guid id, CancellationToken ct) =>
        SendAsync<JsonElement>(Http, HttpMethod.Delete, $"{Survey(id)}/results/keep-current", ct, allowEmpty: true);

    /// <summary>
    /// The survey's free-text questions and its choice questions' option texts, read from the questionnaire Distribution keeps
    /// (the results name the choice questions but not their options, and no free-text question at all).
    /// </summary>
    public async Task<ApiResult<QuestionTexts>> GetQuestionTextsAsync(Guid id, CancellationToken ct)
    {
        var read = await SendAsync<QuestionnaireSnapshot>(clients.CreateClient(ResourceNames.Distribution), HttpMethod.Get,
            $"{Survey(id)}/questionnaire", ct);
        if (!read.Succeeded) return ApiResult<QuestionTexts>.Failure(read.Problem);
        var questions = read.Value.Sections.SelectMany(s => s.Questions).ToList();
        return ApiResult<QuestionTexts>.Success(new QuestionTexts(
            questions.Where(q => q.Type == QuestionType.FreeText).Select(q => new FreeTextQuestion(q.Key, Text(q.Text))).ToArray(),
            questions.Where(q => q.Choices.Count > 0).ToDictionary(q => q.Key,
                q => (IReadOnlyDictionary<string, ResultText>)q.Choices.ToDictionary(c => c.Value, c => Text(c.Text)))));
    }

    static ResultText Text(IReadOnlyDictionary<string, string> texts) => new(texts.GetValueOrDefault("sv"), texts.GetValueOrDefault("en"));

    /// <summary>Opens one of the export files as a stream, without buffering it.</summary>
    public async Task<ApiResult<ResultsFile>> OpenExportAsync(Guid id, string fileName, CancellationToken ct)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await Long.GetAsync($"{Survey(id)}/exports/{fileName}", HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                using (response) return ApiResult<ResultsFile>.Failure(await ReadProblemAsync(response, ct));
            }
            var disposition = response.Content.Headers.ContentDisposition;
            var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"') is { Length: > 0 } given ? given : fileName;
            var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            var stream = await response.Content.ReadAsStreamAsync(ct);
            return ApiResult<ResultsFile>.Success(new ResultsFile(stream, contentType, name, response));
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            response?.Dispose();
            logger.LogWarning(ex, "Analysis did not send {File} for survey {SurveyId}", fileName, id);
            return ApiResult<ResultsFile>.Failure(ApiProblem.Unreachable);
        }
    }

    static IEnumerable<JsonElement> Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray(),
        // A wrapper such as { "answers": [...] } or { "items": [...] }: its first array.
        JsonValueKind.Object => value.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array) is
            { ValueKind: JsonValueKind.Array } inner ? inner.EnumerateArray() : [],
        _ => [],
    };

    static string? TextOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object => e.EnumerateObject().FirstOrDefault(p => p.Name is "text" or "maskedText" or "answer").Value is
            { ValueKind: JsonValueKind.String } text ? text.GetString() : null,
        _ => null,
    };

    async Task<ApiResult<T>> SendAsync<T>(HttpClient http, HttpMethod method, string path, CancellationToken ct, bool allowEmpty = false)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return ApiResult<T>.Failure(await ReadProblemAsync(response, ct));
            var text = await response.Content.ReadAsStringAsync(ct);
            if (allowEmpty && string.IsNullOrWhiteSpace(text)) return ApiResult<T>.Success(default!);
            var value = JsonSerializer.Deserialize<T>(text, Json);
            return value is null
                ? ApiResult<T>.Failure(new ApiProblem((int)response.StatusCode, null, null, new Dictionary<string, string[]>()))
                : ApiResult<T>.Success(value);
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            logger.LogWarning(ex, "Analysis did not answer {Method} {Path}", method, path);
            return ApiResult<T>.Failure(ApiProblem.Unreachable);
        }
    }

    /// <summary>Reads a ProblemDetails body (title, detail) if there is one; any other body leaves just the status.</summary>
    static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? title = null, detail = null;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    title = StringProperty(document.RootElement, "title");
                    detail = StringProperty(document.RootElement, "detail");
                }
            }
            catch (JsonException) { }
        }
        return new ApiProblem((int)response.StatusCode, title, detail, new Dictionary<string, string[]>());
    }

    static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutException or JsonException or NotSupportedException or Polly.ExecutionRejectedException
        || (ex is TaskCanceledException && !ct.IsCancellationRequested);
}
