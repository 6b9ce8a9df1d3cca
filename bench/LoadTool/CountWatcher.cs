using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

/// <summary>
/// Polls Analysis's live respondent count for the survey (<c>GET /api/surveys/{id}/respondents</c>, a sum over per-cell rows) at most
/// every 100 ms with the analyst's pre-signed token, recording (time, count) each time it grows. The run's clock is shared, so a
/// submit's completion and the first poll that covers it are on one time line.
/// </summary>
sealed class CountWatcher(HttpClient http, string analysisUrl, Guid surveyId, StaffTokens tokens, Stopwatch clock)
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    readonly List<(double AtMs, long Count)> observations = [];
    long latest;

    public long Latest => Interlocked.Read(ref latest);
    public int Polls { get; private set; }
    public int FailedPolls { get; private set; }

    public IReadOnlyList<(double AtMs, long Count)> Observations
    {
        get { lock (observations) return [.. observations]; }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{analysisUrl}/api/surveys/{surveyId}/respondents");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(StaffRoles.Analyst));
                using var response = await http.SendAsync(request, ct);
                Polls++;
                if (response.IsSuccessStatusCode)
                {
                    var count = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("respondents").GetInt64();
                    if (count > Interlocked.Read(ref latest))
                    {
                        lock (observations) observations.Add((clock.Elapsed.TotalMilliseconds, count));
                        Interlocked.Exchange(ref latest, count);
                    }
                }
                else FailedPolls++; // 404 until Analysis has learnt of the published survey
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException) { FailedPolls++; }
            var wait = Interval - Stopwatch.GetElapsedTime(started);
            try
            {
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The time of the first poll whose count was at least <paramref name="count"/>, if any.</summary>
    public double? FirstReached(long count)
    {
        lock (observations)
        {
            foreach (var (at, n) in observations) if (n >= count) return at;
        }
        return null;
    }

    /// <summary>
    /// Waits until the count is at least <paramref name="count"/>: true when it got there; false when it did not grow for
    /// <paramref name="stall"/>, or <paramref name="limit"/> passed.
    /// </summary>
    public async Task<bool> WaitForAsync(long count, TimeSpan stall, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var seen = Latest;
        var grewAt = Stopwatch.GetTimestamp();
        while (Latest < count)
        {
            if (waited.Elapsed > limit || Stopwatch.GetElapsedTime(grewAt) > stall) return false;
            await Task.Delay(50);
            if (Latest > seen) { seen = Latest; grewAt = Stopwatch.GetTimestamp(); }
        }
        return true;
    }
}
