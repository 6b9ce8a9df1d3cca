using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Medborgare.LoadTool;

/// <summary>
/// One submit as the client saw it, on the run's clock (ms). Status 0: no answer (a timeout or a dropped connection). Kind names the
/// outcome: "200", "429 urn:medborgare:throttled", "503 …", "timeout", "ConnectionError", …
/// </summary>
public sealed record SubmitOutcome(int Code, string Phase, double ScheduledMs, double StartedMs, double CompletedMs, int Status, string Kind, bool RetryAfter)
{
    public bool Accepted => Status == 200;
    /// <summary>The client cannot tell whether the server kept it: no answer, or a 5xx after which the commit may have happened.</summary>
    public bool Uncertain => Status == 0 || Status >= 500;
    public double LatencyMs => CompletedMs - StartedMs;
    public double LagMs => StartedMs - ScheduledMs;
}

/// <summary>
/// Open-loop pacing: submit i of a phase is due at start + i / rate, whatever the earlier ones are doing, with at most
/// <c>concurrency</c> requests in flight; a send that finds the cap full starts late, and its lag is recorded. Bodies are made in
/// advance, so a send costs the tool a copy of bytes onto a pooled connection.
/// </summary>
sealed class OpenLoopSender(HttpClient http, string collectionUrl, PreparedSurvey survey, int concurrency, Stopwatch clock)
{
    static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    readonly SemaphoreSlim gate = new(concurrency);

    public async Task<SubmitOutcome[]> RunAsync(string phase, int firstCode, int count, double rate)
    {
        var outcomes = new SubmitOutcome[count];
        var sends = new Task[count];
        var startMs = clock.Elapsed.TotalMilliseconds;
        for (var i = 0; i < count; i++)
        {
            var dueMs = startMs + i * 1000.0 / rate;
            var wait = dueMs - clock.Elapsed.TotalMilliseconds;
            if (wait >= 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
            await gate.WaitAsync();
            var slot = i;
            sends[i] = Task.Run(async () =>
            {
                try { outcomes[slot] = await SendAsync(phase, firstCode + slot, dueMs); }
                finally { gate.Release(); }
            });
        }
        await Task.WhenAll(sends);
        return outcomes;
    }

    async Task<SubmitOutcome> SendAsync(string phase, int code, double dueMs)
    {
        var started = clock.Elapsed.TotalMilliseconds;
        try
        {
            using var content = new ByteArrayContent(survey.SubmitBodies[code]);
            content.Headers.ContentType = JsonType;
            using var response = await http.PostAsync($"{collectionUrl}/api/answering/submit", content);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var kind = status == 200 ? "200" : $"{status} {ProblemType(body)}".TrimEnd();
            return new SubmitOutcome(code, phase, dueMs, started, clock.Elapsed.TotalMilliseconds, status, kind, response.Headers.RetryAfter is not null);
        }
        catch (TaskCanceledException)
        {
            return new SubmitOutcome(code, phase, dueMs, started, clock.Elapsed.TotalMilliseconds, 0, "timeout", false);
        }
        catch (HttpRequestException ex)
        {
            return new SubmitOutcome(code, phase, dueMs, started, clock.Elapsed.TotalMilliseconds, 0, ex.HttpRequestError.ToString(), false);
        }
        catch (IOException ex)
        {
            // The response body broke off after the status line.
            return new SubmitOutcome(code, phase, dueMs, started, clock.Elapsed.TotalMilliseconds, 0, ex.GetType().Name, false);
        }
    }

    /// <summary>The ProblemDetails type of a refusal, or nothing when the body is not one (the rate limiter's 429 is empty).</summary>
    static string ProblemType(string body)
    {
        if (body.Length == 0) return "";
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return body[..Math.Min(60, body.Length)];
        }
    }
}
