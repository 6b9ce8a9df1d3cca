using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Medborgare.LoadTool;

/// <summary>Polls Analysis's live respondent count, recording (time, count) as it grows.</summary>
sealed class CountWatcher(HttpClient http, Func<HttpRequestMessage> request)
{
    public List<(double AtMs, long Count)> Observations { get; } = [];
    long latest;

    public async Task RunAsync(Stopwatch clock, int expected, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var r = await http.SendAsync(request(), ct);
                if (r.IsSuccessStatusCode)
                {
                    var count = (await r.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("respondents").GetInt64();
                    if (count > latest)
                    {
                        lock (Observations) Observations.Add((clock.Elapsed.TotalMilliseconds, count));
                        Interlocked.Exchange(ref latest, count);
                    }
                }
                await Task.Delay(20, ct);
            }
            catch (OperationCanceledException) { return; }
            catch (HttpRequestException) { }
        }
    }

    public async Task WaitForAsync(long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref latest) < count && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}
