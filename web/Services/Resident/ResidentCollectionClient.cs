using Medborgare.ApiContracts.Collection;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// Collection's public API as the residents' pages use it: start with a code, save a page, submit, send feedback; over
/// <see cref="ApiHttp"/>. The code travels in request bodies only and is never logged.
/// </summary>
public sealed class ResidentCollectionClient(HttpClient http, IHttpClientFactory clients, ILogger<ResidentCollectionClient> logger)
{
    /// <summary>
    /// The residents' own client for Collection: it retries only when Collection did not answer or failed, never a refusal such
    /// as a throttled code (429), whose Retry-After can be many minutes.
    /// </summary>
    public const string HttpClientName = "collection-resident";

    readonly ApiHttp api = new(http, logger);

    /// <summary>The analysts' paper answers: with the analyst's token, and never retried.</summary>
    readonly ApiHttp staffApi = new(clients.CreateClient(ServiceClients.LongRunningClient(ResourceNames.Collection)), logger);

    public Task<ApiResult<AnsweringSession>> StartAsync(string code, CancellationToken ct) =>
        api.SendAsync<AnsweringSession>(HttpMethod.Post, "/api/answering/start", new CodeRequest(code), ct);

    public Task<ApiResult<bool>> SaveDraftAsync(string code, int page, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        api.SendAsync(HttpMethod.Put, "/api/answering/draft", new DraftRequest(code, page, answers), ct);

    /// <summary>Submits once; a retry with the same <paramref name="submissionKey"/> returns the same receipt.</summary>
    public Task<ApiResult<SubmissionReceipt>> SubmitAsync(string code, Guid submissionKey, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        api.SendAsync<SubmissionReceipt>(HttpMethod.Post, "/api/answering/submit", new SubmitRequest(code, submissionKey, answers), ct);

    public Task<ApiResult<FeedbackReceipt>> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct) =>
        api.SendAsync<FeedbackReceipt>(HttpMethod.Post, "/api/feedback", request, ct);

    /// <summary>
    /// A synpunkt's public status by its receipt number (kvittensnummer): no text, no contact details. Unknown and malformed
    /// receipts are both a 404; a throttled lookup is a 429.
    /// </summary>
    public Task<ApiResult<PublicCaseStatus>> ReceiptStatusAsync(string receipt, CancellationToken ct) =>
        api.GetAsync<PublicCaseStatus>($"/api/feedback/receipts/{Uri.EscapeDataString(receipt)}", ct);

    /// <summary>"Du sa – vi gjorde": the answered synpunkter that staff published, all or in one goal area.</summary>
    public Task<ApiResult<PublishedCases>> PublishedAsync(string? goalArea, CancellationToken ct) =>
        api.GetAsync<PublishedCases>("/api/feedback/published" + (string.IsNullOrEmpty(goalArea) ? "" : "?goalArea=" + Uri.EscapeDataString(goalArea)), ct);

    /// <summary>The survey's frozen questionnaire, as Collection serves it to anyone (for the analysts' paper-answer form).</summary>
    public Task<ApiResult<PublishedSurvey>> GetSurveyAsync(Guid surveyId, CancellationToken ct) =>
        api.GetAsync<PublishedSurvey>($"/api/surveys/{surveyId}", ct);

    /// <summary>
    /// An analyst keys in a paper questionnaire against its code (channel = paper), on the residents' validation path. Sent with
    /// the analyst's token and never retried: the code's unique submission makes a second try a "used code", not a second answer.
    /// </summary>
    public Task<ApiResult<SubmissionReceipt>> SubmitPaperAsync(string code, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        staffApi.SendAsync<SubmissionReceipt>(HttpMethod.Post, "/api/paper-responses", new PaperRequest(code, answers), ct);
}
