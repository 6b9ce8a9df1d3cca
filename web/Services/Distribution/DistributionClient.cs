using System.Net.Http.Headers;
using System.Text.Json;
using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Distribution;

/// <summary>The Distribution service's staff API as the analyst's pages use it, over <see cref="ApiHttp"/>.</summary>
public sealed class DistributionClient(HttpClient http, IHttpClientFactory clients, ILogger<DistributionClient> logger)
{
    static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerOptions.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Quick reads and small changes, with the standard retries.</summary>
    readonly ApiHttp api = new(http, logger);

    /// <summary>Work that may take long or must not be repeated by a retry: frames, the sample, invitations, files.</summary>
    readonly ApiHttp longApi = new(clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Distribution)), logger);

    static string Survey(Guid id) => $"/api/surveys/{id}";

    public Task<ApiResult<SurveyDto[]>> ListSurveysAsync(CancellationToken ct) => api.GetAsync<SurveyDto[]>("/api/surveys", ct);
    public Task<ApiResult<SurveyDto>> GetSurveyAsync(Guid id, CancellationToken ct) => api.GetAsync<SurveyDto>(Survey(id), ct);
    public Task<ApiResult<SurveyDto>> CreateSurveyAsync(CreateSurveyRequest request, CancellationToken ct) =>
        longApi.SendAsync<SurveyDto>(HttpMethod.Post, "/api/surveys", request, ct);
    public Task<ApiResult<SurveyDto>> PublishAsync(Guid id, CancellationToken ct) => longApi.SendAsync<SurveyDto>(HttpMethod.Post, $"{Survey(id)}/publish", null, ct);
    public Task<ApiResult<SurveyDto>> CloseAsync(Guid id, int? retentionDays, CancellationToken ct) =>
        longApi.SendAsync<SurveyDto>(HttpMethod.Post, $"{Survey(id)}/close", new CloseSurveyRequest(retentionDays), ct);
    public Task<ApiResult<SurveyDto>> PurgeNowAsync(Guid id, CancellationToken ct) => longApi.SendAsync<SurveyDto>(HttpMethod.Post, $"{Survey(id)}/purge", null, ct);

    /// <summary>The questionnaire as the shared snapshot record (its sections and indices; question texts and choices for the results pages).</summary>
    public Task<ApiResult<QuestionnaireSnapshot>> GetQuestionnaireSnapshotAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<QuestionnaireSnapshot>($"{Survey(id)}/questionnaire", ct);

    /// <summary>The questionnaire as Distribution stores it, indented for reading and editing by hand.</summary>
    public async Task<ApiResult<string>> GetQuestionnaireJsonAsync(Guid id, CancellationToken ct) =>
        (await api.GetAsync<JsonElement>($"{Survey(id)}/questionnaire", ct)).Select(json => JsonSerializer.Serialize(json, IndentedJson));

    /// <summary>
    /// Checks (<paramref name="save"/> false) or replaces a draft's questionnaire with JSON written by the analyst. The text is
    /// sent as it is, so that Distribution's own parser and validator answer.
    /// </summary>
    public Task<ApiResult<bool>> SubmitQuestionnaireJsonAsync(Guid id, string json, bool save, CancellationToken ct) =>
        longApi.SendContentAsync(save ? HttpMethod.Put : HttpMethod.Post, save ? $"{Survey(id)}/questionnaire" : $"{Survey(id)}/questionnaire/validate",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);

    public Task<ApiResult<FrameSummary>> GetFrameAsync(Guid id, CancellationToken ct) => api.GetAsync<FrameSummary>($"{Survey(id)}/frame", ct);
    public Task<ApiResult<FrameSummary>> GenerateFrameAsync(Guid id, SyntheticFrameRequest request, CancellationToken ct) =>
        longApi.SendAsync<FrameSummary>(HttpMethod.Post, $"{Survey(id)}/frame/synthetic", request, ct);

    /// <summary>Sends a CSV file as the frame. A file with bad rows comes back as a <see cref="FrameProblem"/> (and nothing is stored).</summary>
    public async Task<(ApiResult<FrameSummary> Result, FrameProblem? LineErrors)> ImportFrameAsync(Guid id, Stream csv, CancellationToken ct)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        var result = await longApi.SendContentAsync<FrameSummary>(HttpMethod.Put, $"{Survey(id)}/frame", content, ct);
        return (result, result.Problem is { Status: 400, Body: { } body } ? LineErrors(body) : null);
    }

    /// <summary>Distribution lists a frame file's bad rows as <c>{ title, errors: [{ line, column, code, message }], truncated }</c>.</summary>
    static FrameProblem? LineErrors(JsonElement body)
    {
        if (!body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return null;
        try
        {
            return body.Deserialize<FrameProblem>(ApiHttp.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public Task<ApiResult<SampleDto>> GetSampleAsync(Guid id, CancellationToken ct) => api.GetAsync<SampleDto>($"{Survey(id)}/sample", ct);
    public Task<ApiResult<SampleDto>> DrawSampleAsync(Guid id, DrawSampleRequest request, CancellationToken ct) =>
        longApi.SendAsync<SampleDto>(HttpMethod.Post, $"{Survey(id)}/sample", request, ct);

    public Task<ApiResult<IssueResult>> IssueInvitationsAsync(Guid id, CancellationToken ct) =>
        longApi.SendAsync<IssueResult>(HttpMethod.Post, $"{Survey(id)}/invitations", null, ct);
    public Task<ApiResult<Letter[]>> GetLettersAsync(Guid id, int? round, CancellationToken ct) =>
        longApi.GetAsync<Letter[]>($"{Survey(id)}/letters{RoundQuery(round)}", ct);
    public Task<ApiResult<ReminderResult>> StartReminderRoundAsync(Guid id, CancellationToken ct) =>
        longApi.SendAsync<ReminderResult>(HttpMethod.Post, $"{Survey(id)}/reminders", null, ct);
    public Task<ApiResult<ResponseRate>> GetResponseRateAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<ResponseRate>($"{Survey(id)}/response-rate", ct);

    /// <summary>Opens the print house's CSV (all letters, or reminder round 1 or 2) as a stream, without buffering it.</summary>
    public Task<ApiResult<FileDownload>> OpenPrintFileAsync(Guid id, int? round, CancellationToken ct) =>
        longApi.OpenFileAsync($"{Survey(id)}/invitations/print-file{RoundQuery(round)}", "utskick.csv", "text/csv; charset=utf-8", ct);

    static string RoundQuery(int? round) => round is > 0 ? $"?round={round}" : "";
}
