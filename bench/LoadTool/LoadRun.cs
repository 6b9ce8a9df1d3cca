using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.AppHost.Hosting;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

/// <summary>One load run: prepare codes, submit at a fixed rate, watch Analysis count them.</summary>
sealed class LoadRun(DistributedApplication app, LoadOptions options)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    string Url(string resource) => app.Project(resource).Url;

    HttpRequestMessage Staff(HttpMethod method, string url, object? body = null, string role = StaffRoles.Analyst)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffAuthentication.CreateToken(app.SigningKey, "load-tool", [role]));
        return request;
    }

    async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{request.Method} {request.RequestUri} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<LoadReport> ExecuteAsync()
    {
        var distribution = Url(ResourceNames.Distribution);
        // Next year's survey: the app's state is the run's own, and in a past year's survey the codes have expired.
        var year = DateTime.UtcNow.Year + 1;
        var survey = await SendAsync(Staff(HttpMethod.Post, $"{distribution}/api/surveys", new { year, titleSv = "Lasttest", template = "Default" }));
        var id = survey.GetProperty("id").GetGuid();
        await SendAsync(Staff(HttpMethod.Post, $"{distribution}/api/surveys/{id}/publish"));
        await SendAsync(Staff(HttpMethod.Post, $"{distribution}/api/surveys/{id}/frame/synthetic", new { count = Math.Max(3000, options.Responses * 2), seed = 1 }));
        await SendAsync(Staff(HttpMethod.Post, $"{distribution}/api/surveys/{id}/sample", new { allocation = "Proportional", size = options.Responses, seed = 1 }));
        await SendAsync(Staff(HttpMethod.Post, $"{distribution}/api/surveys/{id}/invitations"));
        using var printFile = await http.SendAsync(Staff(HttpMethod.Get, $"{distribution}/api/surveys/{id}/invitations/print-file"));
        var codes = (await printFile.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(';')[4]).ToList();
        Console.WriteLine($"{codes.Count} real codes issued; waiting for Collection to know them…");

        var collection = Url(ResourceNames.Collection);
        var questionnaire = await WaitForQuestionnaireAsync(collection, id);
        // The codes reach Collection in several messages, consumed in any order: wait until a code from every stretch of
        // 500 is known (a message holds up to 2,000), not just the last one.
        var probes = Enumerable.Range(0, codes.Count).Where(i => i % 500 == 0 || i == codes.Count - 1).Select(i => codes[i]).ToHashSet();
        string? lastRefusal = null;
        await WaitUntilAsync(async () =>
        {
            foreach (var code in probes.ToList())
            {
                using var r = await http.PostAsJsonAsync($"{collection}/api/answering/start", new { code });
                if (r.IsSuccessStatusCode) probes.Remove(code);
                else lastRefusal = $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
            }
            return probes.Count == 0;
        }, () => $"Collection did not know every issued code within 60 s; it last answered {lastRefusal}");

        Console.WriteLine($"Submitting {codes.Count} responses at {options.Rate}/s…");
        var latencies = new ConcurrentBag<(double Ms, bool Ok, double CompletedAt)>();
        var errors = new ConcurrentDictionary<string, int>();
        var watcher = new CountWatcher(http, () => Staff(HttpMethod.Get, $"{Url(ResourceNames.Analysis)}/api/surveys/{id}/respondents"));
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource();
        var watching = watcher.RunAsync(clock, codes.Count, cts.Token);
        var gate = new SemaphoreSlim(options.Concurrency);
        var tasks = new List<Task>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.Rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            await gate.WaitAsync();
            var code = codes[i];
            var answers = AnswerModel.Generate(questionnaire, i);
            tasks.Add(Task.Run(async () =>
            {
                var started = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var r = await http.PostAsJsonAsync($"{collection}/api/answering/submit", new { code, submissionKey = Guid.NewGuid(), answers }, Json);
                    var done = clock.Elapsed.TotalMilliseconds;
                    latencies.Add((done - started, r.IsSuccessStatusCode, done));
                    if (!r.IsSuccessStatusCode) errors.AddOrUpdate($"{(int)r.StatusCode} {ProblemType(await r.Content.ReadAsStringAsync())}", 1, (_, n) => n + 1);
                }
                catch (HttpRequestException ex)
                {
                    latencies.Add((clock.Elapsed.TotalMilliseconds - started, false, clock.Elapsed.TotalMilliseconds));
                    errors.AddOrUpdate(ex.HttpRequestError.ToString(), 1, (_, n) => n + 1);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        await Task.WhenAll(tasks);
        var submitSeconds = clock.Elapsed.TotalSeconds;
        foreach (var (kind, count) in errors.OrderByDescending(e => e.Value)) Console.WriteLine($"  failed submits: {count} × {kind}");
        var okCount = latencies.Count(l => l.Ok);
        await watcher.WaitForAsync(okCount, TimeSpan.FromMinutes(5));
        var countedSeconds = clock.Elapsed.TotalSeconds;
        await cts.CancelAsync();
        await watching;

        return LoadReport.Create(options, latencies.ToList(), watcher.Observations, submitSeconds, countedSeconds, app);
    }

    async Task<QuestionnaireSnapshot> WaitForQuestionnaireAsync(string collection, Guid id)
    {
        QuestionnaireSnapshot? q = null;
        await WaitUntilAsync(async () =>
        {
            using var r = await http.GetAsync($"{collection}/api/surveys/{id}");
            if (!r.IsSuccessStatusCode) return false;
            q = (await r.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("questionnaire").Deserialize<QuestionnaireSnapshot>(Json);
            return true;
        });
        return q!;
    }

    /// <summary>The ProblemDetails type of a refusal, or its first characters when it is not one.</summary>
    static string ProblemType(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var type) ? type.GetString() ?? "" : body[..Math.Min(80, body.Length)];
        }
        catch (JsonException)
        {
            return body[..Math.Min(80, body.Length)];
        }
    }

    static async Task WaitUntilAsync(Func<Task<bool>> probe, Func<string>? failure = null)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await probe()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException(failure?.Invoke() ?? "The app did not get ready within 60 s");
    }
}
