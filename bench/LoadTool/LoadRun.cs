using System.Diagnostics;
using System.Net.Http.Json;
using Medborgare.ServiceDefaults;
using Npgsql;

namespace Medborgare.LoadTool;

/// <summary>
/// One run against a started app: prepare (survey, codes, bodies, filler), warm up, the measured phase with CPU, memory and row
/// writes around it, optionally overload, then the exactly-once check and PostgreSQL's bare insert ceiling.
/// </summary>
sealed class LoadRun(BenchApp app, LoadOptions options)
{
    readonly Stopwatch clock = new();
    readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<LoadReport> ExecuteAsync()
    {
        var tokens = new StaffTokens(app.SigningKey);
        var meter = new ProcessMeter(app);
        Console.WriteLine($"Preparing {options.CodesNeeded:N0} codes…");
        var survey = await new SurveyPreparation(app, tokens).PrepareAsync(options.CodesNeeded);
        var preload = (StoredSubmissions: 0L, Took: TimeSpan.Zero);
        if (options.Preload > 0)
        {
            Console.WriteLine($"Preloading {options.Preload:N0} synthetic stored submissions into collectiondb…");
            preload = await Preload.RunAsync(app, options.Preload);
        }

        clock.Start();
        var watcher = new CountWatcher(http, app.Url(ResourceNames.Analysis), survey.Id, tokens, clock);
        using var stopWatching = new CancellationTokenSource();
        var watching = watcher.RunAsync(stopWatching.Token);
        var sender = new OpenLoopSender(http, app.Url(ResourceNames.Collection), survey, options.Concurrency, clock);

        var all = new List<SubmitOutcome>();
        if (options.WarmupResponses > 0)
        {
            Console.WriteLine($"Warm-up: {options.WarmupResponses:N0} submits at {options.Rate}/s…");
            all.AddRange(await sender.RunAsync("warm-up", 0, options.WarmupResponses, options.Rate));
            await watcher.WaitForAsync(all.Count(o => o.Accepted), stall: TimeSpan.FromSeconds(10), limit: TimeSpan.FromMinutes(2));
        }

        var storedBefore = await Preload.StoredSubmissionsAsync(app);
        var rowsBefore = await RowWrites.SettledSnapshotAsync(app, TimeSpan.FromSeconds(15));
        Console.WriteLine($"Measured phase: {options.Responses:N0} submits at {options.Rate}/s ({options.Responses / (double)options.Rate:0.#} s)…");
        var countAtStart = watcher.Latest;
        var cpuBefore = meter.CpuNow();
        var measuredStartMs = clock.Elapsed.TotalMilliseconds;
        meter.StartRss();
        var measured = await sender.RunAsync("measured", options.WarmupResponses, options.Responses, options.Rate);
        all.AddRange(measured);
        var cpuAtSubmitsDone = meter.CpuNow();
        var submitsDoneMs = clock.Elapsed.TotalMilliseconds;
        var measuredTarget = all.Count(o => o.Accepted);
        var measuredCounted = await watcher.WaitForAsync(measuredTarget, stall: TimeSpan.FromSeconds(15), limit: TimeSpan.FromMinutes(5));
        var cpuAfter = measuredCounted ? meter.CpuNow() : cpuAtSubmitsDone;
        var rss = await meter.StopRssAsync();
        var rowsAfter = await RowWrites.SettledSnapshotAsync(app, TimeSpan.FromSeconds(15));

        OverloadReport? overload = null;
        if (options.Overload)
        {
            Console.WriteLine($"Overload: {options.OverloadResponses:N0} submits offered at {2 * options.Rate}/s…");
            var overloadStartMs = clock.Elapsed.TotalMilliseconds;
            var countAtOverload = watcher.Latest;
            meter.StartRss();
            var offered = await sender.RunAsync("overload", options.WarmupResponses + options.Responses, options.OverloadResponses, 2.0 * options.Rate);
            all.AddRange(offered);
            var target = all.Count(o => o.Accepted);
            var counted = await watcher.WaitForAsync(target, stall: TimeSpan.FromSeconds(15), limit: TimeSpan.FromMinutes(5));
            overload = OverloadReport.Create(offered, 2 * options.Rate, overloadStartMs, countAtOverload,
                counted ? watcher.FirstReached(target) : null, target, await meter.StopRssAsync());
        }

        Console.WriteLine("Checking that every accepted response is counted once…");
        var check = await CheckExactlyOnceAsync(all, survey, watcher);
        await stopWatching.CancelAsync();
        await watching;

        PgBench.Result? pgbench = null;
        if (options.PgBench)
        {
            Console.WriteLine("PostgreSQL's bare one-row insert ceiling (pgbench, 20 s)…");
            pgbench = await PgBench.RunAsync(app, app.StateDirectory);
        }

        return LoadReport.Create(new LoadReport.Inputs(options, app, meter, survey, all, watcher.Observations, measuredStartMs, submitsDoneMs,
            countAtStart, measuredCounted ? watcher.FirstReached(measuredTarget) : null, measuredTarget, cpuBefore, cpuAfter, measuredCounted,
            rss, rowsBefore, rowsAfter, storedBefore, preload.Took, overload, check, pgbench, watcher.Polls, watcher.FailedPolls));
    }

    /// <summary>
    /// Every submit the client could not be sure of (no answer, or a 5xx) is resolved by asking Collection about its code: "already
    /// used" means the server kept it. Then the count must come to exactly the accepted submits, and the raw responses in analysisdb
    /// must agree with it.
    /// </summary>
    async Task<ExactlyOnce> CheckExactlyOnceAsync(List<SubmitOutcome> all, PreparedSurvey survey, CountWatcher watcher)
    {
        var collection = app.Url(ResourceNames.Collection);
        int keptAfterAll = 0, notKept = 0, unresolved = 0;
        foreach (var uncertain in all.Where(o => o.Uncertain))
        {
            try
            {
                using var r = await http.PostAsJsonAsync($"{collection}/api/answering/start", new { code = survey.Codes[uncertain.Code] });
                if ((int)r.StatusCode == 409) keptAfterAll++;
                else if (r.IsSuccessStatusCode) notKept++;
                else unresolved++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                unresolved++;
            }
        }
        var expected = all.Count(o => o.Accepted) + keptAfterAll;
        var reached = await watcher.WaitForAsync(expected, stall: TimeSpan.FromSeconds(30), limit: TimeSpan.FromMinutes(5));
        if (reached) await Task.Delay(1000); // one more poll or so: a count that goes past the expected one would show now
        var counted = watcher.Latest;
        long? raw = null;
        try
        {
            await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(ResourceNames.AnalysisDb) + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM responses WHERE survey_id = @id", connection);
            command.Parameters.AddWithValue("id", survey.Id);
            raw = (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            // The table is Analysis's to shape: without it the count stands alone.
        }
        return new ExactlyOnce(expected, keptAfterAll, notKept, unresolved, counted, raw);
    }
}

/// <summary>Accepted submits (200, plus uncertain ones Collection says it kept) against what Analysis counted and stored.</summary>
public sealed record ExactlyOnce(long Accepted, int UncertainButKept, int UncertainNotKept, int Unresolved, long Counted, long? RawResponses)
{
    public long Lost => Math.Max(0, Accepted - Counted);
    public long CountedTwice => Math.Max(0, Counted - Accepted - Unresolved);
    public bool RawAgrees => RawResponses is null || RawResponses == Counted;
    public bool Holds => Lost == 0 && CountedTwice == 0 && RawAgrees;
}
