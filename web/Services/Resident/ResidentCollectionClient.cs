using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// Collection's public API as the residents' pages use it: start with a code, save a page, submit, send feedback. Every call
/// returns a value or a <see cref="CollectionProblem"/>. The code travels in request bodies only and is never logged.
/// </summary>
public sealed class ResidentCollectionClient(IHttpClientFactory clients, ILogger<ResidentCollectionClient> logger)
{
    /// <summary>
    /// The residents' own client for Collection: it retries only when Collection did not answer or failed, never a refusal such
    /// as a throttled code (429), whose Retry-After can be many minutes.
    /// </summary>
    public const string HttpClientName = "collection-resident";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    HttpClient Http => clients.CreateClient(HttpClientName);

    public Task<CollectionResult<AnsweringSession>> StartAsync(string code, CancellationToken ct) =>
        SendAsync<AnsweringSession>(HttpMethod.Post, "/api/answering/start", new CodeRequest(code), ct);

    public Task<CollectionResult<bool>> SaveDraftAsync(string code, int page, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        SendAsync<bool>(HttpMethod.Put, "/api/answering/draft", new DraftRequest(code, page, answers), ct);

    /// <summary>Submits once; a retry with the same <paramref name="submissionKey"/> returns the same receipt.</summary>
    public Task<CollectionResult<SubmissionReceipt>> SubmitAsync(string code, Guid submissionKey, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        SendAsync<SubmissionReceipt>(HttpMethod.Post, "/api/answering/submit", new SubmitRequest(code, submissionKey, answers), ct);

    public Task<CollectionResult<FeedbackReceipt>> SendFeedbackAsync(FeedbackRequest request, CancellationToken ct) =>
        SendAsync<FeedbackReceipt>(HttpMethod.Post, "/api/feedback", request, ct);

    /// <summary>The survey's frozen questionnaire, as Collection serves it to anyone (for the analysts' paper-answer form).</summary>
    public Task<CollectionResult<PublishedSurvey>> GetSurveyAsync(Guid surveyId, CancellationToken ct) =>
        SendAsync<PublishedSurvey>(HttpMethod.Get, $"/api/surveys/{surveyId}", null, ct);

    /// <summary>
    /// An analyst keys in a paper questionnaire against its code (channel = paper), on the residents' validation path. Sent with
    /// the analyst's token and never retried: the code's unique submission makes a second try a "used code", not a second answer.
    /// </summary>
    public Task<CollectionResult<SubmissionReceipt>> SubmitPaperAsync(string code, IReadOnlyList<Answer> answers, CancellationToken ct) =>
        SendAsync<SubmissionReceipt>(HttpMethod.Post, "/api/paper-responses", new PaperRequest(code, answers), ct,
            clients.CreateClient(Services.ServiceClients.LongRunningClient(ResourceNames.Collection)));

    async Task<CollectionResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, HttpClient? client = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path)
            {
                Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
            };
            using var response = await (client ?? Http).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) return CollectionResult<T>.Failure(await ReadProblemAsync(response, ct));
            if (typeof(T) == typeof(bool)) return CollectionResult<T>.Success((T)(object)true);
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return value is null ? CollectionResult<T>.Failure(CollectionProblem.Unreachable) : CollectionResult<T>.Success(value);
        }
        catch (Exception ex) when (IsUnreachable(ex, ct))
        {
            // The path only: the body holds the resident's code.
            logger.LogWarning(ex, "Collection did not answer {Method} {Path}", method, path);
            return CollectionResult<T>.Failure(CollectionProblem.Unreachable);
        }
    }

    static async Task<CollectionProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string? type = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String) type = t.GetString();
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
        return new CollectionProblem(status, type, errors);
    }

    /// <summary>Collection is down, slow or refused by the resilience pipeline; the caller's own cancellation is not swallowed.</summary>
    static bool IsUnreachable(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutException or JsonException or Polly.ExecutionRejectedException or NotSupportedException
        || (ex is TaskCanceledException && !ct.IsCancellationRequested);
}
