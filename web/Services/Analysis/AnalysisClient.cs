using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Distribution;

namespace Medborgare.Web.Services.Analysis;

/// <summary>The Analysis service's results API as the analyst's results pages use it, over <see cref="ApiHttp"/>.</summary>
public sealed class AnalysisClient(HttpClient http, IHttpClientFactory clients, DistributionClient distribution, ILogger<AnalysisClient> logger)
{
    readonly ApiHttp api = new(http, logger);

    /// <summary>Publishing and files: no retry may send results twice, and an export may take a while.</summary>
    readonly ApiHttp longApi = new(clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Analysis)), logger);

    static string Survey(Guid id) => $"/api/surveys/{id}";

    public Task<ApiResult<AnalysedSurveyDto[]>> ListSurveysAsync(CancellationToken ct) => api.GetAsync<AnalysedSurveyDto[]>("/api/surveys", ct);

    public Task<ApiResult<SurveyResultsDto>> GetResultsAsync(Guid id, CancellationToken ct) => api.GetAsync<SurveyResultsDto>($"{Survey(id)}/results", ct);

    public Task<ApiResult<BreakdownDto[]>> GetBreakdownAsync(Guid id, string questionKey, CancellationToken ct) =>
        api.GetAsync<BreakdownDto[]>($"{Survey(id)}/results/breakdown?question={Uri.EscapeDataString(questionKey)}", ct);

    /// <summary>The answers to one free-text question, texts only.</summary>
    public async Task<ApiResult<string[]>> GetFreeTextAsync(Guid id, string questionKey, CancellationToken ct) =>
        (await api.GetAsync<FreeTextAnswers>($"{Survey(id)}/free-text?question={Uri.EscapeDataString(questionKey)}", ct)).Select(a => a.Answers.ToArray());

    public Task<ApiResult<FeedbackDto[]>> GetFeedbackAsync(Guid id, CancellationToken ct) => api.GetAsync<FeedbackDto[]>($"{Survey(id)}/feedback", ct);

    /// <summary>Publishes the year's results; <paramref name="keepCurrent"/>: answers counted later republish them until the survey closes.</summary>
    public Task<ApiResult<bool>> PublishAsync(Guid id, bool keepCurrent, CancellationToken ct) =>
        longApi.SendAsync(HttpMethod.Post, $"{Survey(id)}/results/publish" + (keepCurrent ? "?keepCurrent=true" : ""), null, ct);

    /// <summary>Answers counted from now on no longer republish the published results; they wait for the next publication.</summary>
    public Task<ApiResult<bool>> StopKeepingCurrentAsync(Guid id, CancellationToken ct) =>
        api.SendAsync(HttpMethod.Delete, $"{Survey(id)}/results/keep-current", null, ct);

    /// <summary>
    /// The survey's free-text questions and its choice questions' option texts, read from the questionnaire Distribution keeps
    /// (the results name the choice questions but not their options, and no free-text question at all).
    /// </summary>
    public async Task<ApiResult<QuestionTexts>> GetQuestionTextsAsync(Guid id, CancellationToken ct) =>
        (await distribution.GetQuestionnaireSnapshotAsync(id, ct)).Select(questionnaire =>
        {
            var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToList();
            return new QuestionTexts(
                questions.Where(q => q.Type == QuestionType.FreeText).Select(q => new FreeTextQuestion(q.Key, Text(q.Text))).ToArray(),
                questions.Where(q => q.Choices.Count > 0).ToDictionary(q => q.Key,
                    q => (IReadOnlyDictionary<string, LocalizedText>)q.Choices.ToDictionary(c => c.Value, c => Text(c.Text))));
        });

    /// <summary>The Swedish text, or the English one where a questionnaire has no Swedish.</summary>
    static LocalizedText Text(IReadOnlyDictionary<string, string> texts) =>
        new(texts.GetValueOrDefault("sv") ?? texts.GetValueOrDefault("en") ?? "", texts.GetValueOrDefault("en"));

    /// <summary>Opens one of the export files as a stream, without buffering it.</summary>
    public Task<ApiResult<FileDownload>> OpenExportAsync(Guid id, string fileName, CancellationToken ct) =>
        longApi.OpenFileAsync($"{Survey(id)}/exports/{fileName}", fileName, "application/octet-stream", ct);
}
