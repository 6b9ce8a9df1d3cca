using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

public sealed record Percentiles(int N, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(50), At(95), At(99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}

public sealed record RunInfo(DateTimeOffset Started, string StateDirectory, string Configuration, string DotnetRunCommand, string AppCommand,
    string AppHostEnvironment, bool Telemetry, string PartsExportingOtlp, double? TraceSampleRatio, int Replicas, double StartupSeconds,
    int Rate, int Concurrency, int Preload, double PreloadSeconds, long StoredSubmissionsAtStart);

public sealed record PhaseFigures(int Submits, int Accepted, double Seconds, double SentPerSecond, double AcceptedPerSecond, double? CountedPerSecond,
    Percentiles LatencyMs, Percentiles LatencyFromScheduleMs, int StartedLateOver100Ms, double MaxStartLagMs, Percentiles? FreshnessMs,
    IReadOnlyDictionary<string, int> Errors);

public sealed record CpuFigure(string Process, double Milliseconds, double MsPerResponse);
public sealed record TableWrites(string Table, long Rows, double PerResponse);
public sealed record RowWriteFigures(long Rows, double PerResponse, IReadOnlyList<TableWrites> TopTables);
/// <summary>IngestRatio: the measured phase's counted rate over pgbench's tps; OverloadIngestRatio: the overload's, when it ran.</summary>
public sealed record PgBenchFigures(double? Tps, double? IngestRatio, double? OverloadIngestRatio, string Command, string? Skipped);

public sealed record OverloadReport(int OfferedPerSecond, int Submits, int Accepted, double AcceptedPerSecond, double? CountedPerSecond,
    double Shed503Or429Share, double ShedWithRetryAfterShare, Percentiles LatencyMs, IReadOnlyDictionary<string, int> Errors,
    IReadOnlyDictionary<string, double> RssMaxMb)
{
    public static OverloadReport Create(SubmitOutcome[] offered, int rate, double startMs, long countAtStart, double? countedAtMs, long target,
        Dictionary<string, double> rss)
    {
        var accepted = offered.Count(o => o.Accepted);
        var shed = offered.Where(o => o.Status is 503 or 429).ToList();
        var seconds = (offered.Max(o => o.CompletedMs) - startMs) / 1000;
        return new OverloadReport(rate, offered.Length, accepted, accepted / seconds,
            countedAtMs is { } at ? (target - countAtStart) / ((at - startMs) / 1000) : null,
            (double)shed.Count / offered.Length, shed.Count == 0 ? 0 : (double)shed.Count(o => o.RetryAfter) / shed.Count,
            Percentiles.Of(offered.Where(o => o.Status != 0).Select(o => o.LatencyMs)), LoadReport.Errors(offered), rss);
    }
}

/// <summary>Everything the run measured, as printed and as written to report.json in the state folder.</summary>
public sealed record LoadReport(RunInfo Run, PhaseFigures? WarmUp, PhaseFigures Measured, string CpuWindow, double CpuWindowSeconds,
    IReadOnlyList<CpuFigure> CpuPerResponse, IReadOnlyDictionary<string, double> RssMaxMb, RowWriteFigures RowWrites, OverloadReport? Overload,
    ExactlyOnce ExactlyOnce, PgBenchFigures? PgBench, int CountPolls, int FailedCountPolls)
{
    internal sealed record Inputs(LoadOptions Options, BenchApp App, ProcessMeter Meter, PreparedSurvey Survey, List<SubmitOutcome> All,
        IReadOnlyList<(double AtMs, long Count)> Observations, double MeasuredStartMs, double SubmitsDoneMs, long CountAtStart, double? CountedAtMs,
        long MeasuredTarget, Dictionary<string, double> CpuBefore, Dictionary<string, double> CpuAfter, bool CpuUntilCounted,
        Dictionary<string, double> Rss, Dictionary<string, long> RowsBefore, Dictionary<string, long> RowsAfter, long StoredBefore,
        TimeSpan PreloadTook, OverloadReport? Overload, ExactlyOnce Check, PgBench.Result? PgBench, int Polls, int FailedPolls);

    internal static LoadReport Create(Inputs i)
    {
        var freshness = Freshness(i.All, i.Observations);
        var warmUp = i.All.Where(o => o.Phase == "warm-up").ToArray();
        var measuredOutcomes = i.All.Where(o => o.Phase == "measured").ToArray();
        var measured = Phase(measuredOutcomes, i.MeasuredStartMs, freshness,
            i.CountedAtMs is { } at ? (i.MeasuredTarget - i.CountAtStart) / ((at - i.MeasuredStartMs) / 1000) : null);
        var accepted = Math.Max(1, measured.Accepted);

        var cpu = i.CpuAfter.Select(kv => (kv.Key, Ms: kv.Value - i.CpuBefore.GetValueOrDefault(kv.Key))).OrderByDescending(c => c.Ms)
            .Select(c => new CpuFigure(c.Key, c.Ms, c.Ms / accepted)).ToList();
        cpu.Add(new CpuFigure("all of the above", cpu.Sum(c => c.Milliseconds), cpu.Sum(c => c.Milliseconds) / accepted));
        var windowEnd = i.CpuUntilCounted ? i.CountedAtMs ?? i.SubmitsDoneMs : i.SubmitsDoneMs;

        var writes = LoadTool.RowWrites.Difference(i.RowsBefore, i.RowsAfter);
        var rows = new RowWriteFigures(writes.Values.Sum(), writes.Values.Sum() / (double)accepted,
            [.. writes.Take(12).Select(kv => new TableWrites(kv.Key, kv.Value, kv.Value / (double)accepted))]);

        var (dotnetRun, appCommand) = i.Meter.CommandLines(ResourceNames.Collection);
        var exporting = i.Meter.AppProcesses().ToList();
        var withOtlp = exporting.Count(p => p.Pids.Any(pid => Proc.HasEnvironmentVariable(pid, "OTEL_EXPORTER_OTLP_ENDPOINT")));
        var run = new RunInfo(DateTimeOffset.UtcNow, i.App.StateDirectory, ConfigurationOf(dotnetRun), dotnetRun, appCommand, i.App.AppHostEnvironment,
            i.Options.Telemetry, $"{withOtlp} of {exporting.Count}", i.Options.TraceSampleRatio, i.Options.Replicas, i.App.StartupTime.TotalSeconds,
            i.Options.Rate, i.Options.Concurrency, i.Options.Preload, i.PreloadTook.TotalSeconds, i.StoredBefore);

        var counted = measured.CountedPerSecond;
        var pg = i.PgBench is { } b
            ? new PgBenchFigures(b.Tps, b.Tps is { } tps && counted is { } c2 ? c2 / tps : null,
                b.Tps is { } tps2 && i.Overload?.CountedPerSecond is { } c3 ? c3 / tps2 : null, b.Command, b.Skipped)
            : null;
        return new LoadReport(run, warmUp.Length == 0 ? null : Phase(warmUp, warmUp.Min(o => o.ScheduledMs), freshness, null), measured,
            i.CpuUntilCounted ? "from the first measured submit until Analysis had counted the last" : "from the first measured submit until the last answered (never counted)",
            (windowEnd - i.MeasuredStartMs) / 1000, cpu, i.Rss, rows, i.Overload, i.Check, pg, i.Polls, i.FailedPolls);
    }

    static PhaseFigures Phase(SubmitOutcome[] outcomes, double startMs, Dictionary<SubmitOutcome, double> freshness, double? countedPerSecond)
    {
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var seconds = (outcomes.Max(o => o.CompletedMs) - startMs) / 1000;
        var sentSeconds = (outcomes.Max(o => o.StartedMs) - outcomes.Min(o => o.StartedMs)) / 1000;
        var fresh = accepted.Where(freshness.ContainsKey).Select(o => freshness[o]).ToList();
        return new PhaseFigures(outcomes.Length, accepted.Count, seconds, sentSeconds > 0 ? (outcomes.Length - 1) / sentSeconds : outcomes.Length,
            accepted.Count / seconds, countedPerSecond, Percentiles.Of(accepted.Select(o => o.LatencyMs)),
            Percentiles.Of(accepted.Select(o => o.CompletedMs - o.ScheduledMs)), outcomes.Count(o => o.LagMs > 100), outcomes.Max(o => o.LagMs),
            fresh.Count == 0 ? null : Percentiles.Of(fresh), Errors(outcomes));
    }

    internal static Dictionary<string, int> Errors(IEnumerable<SubmitOutcome> outcomes) =>
        outcomes.Where(o => !o.Accepted).GroupBy(o => o.Kind).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Freshness: the k-th accepted submit to complete (over the whole run) counts as visible at the first poll whose count was at
    /// least k: the time from its completion to that poll. Analysis does not count in completion order, so this is the delay of the
    /// count behind the submits, which is what an analyst watching the live figure sees.
    /// </summary>
    static Dictionary<SubmitOutcome, double> Freshness(List<SubmitOutcome> all, IReadOnlyList<(double AtMs, long Count)> observations)
    {
        var completions = all.Where(o => o.Accepted).OrderBy(o => o.CompletedMs).ToList();
        var fresh = new Dictionary<SubmitOutcome, double>(ReferenceEqualityComparer.Instance);
        var o = 0;
        for (var k = 0; k < completions.Count; k++)
        {
            while (o < observations.Count && observations[o].Count < k + 1) o++;
            if (o == observations.Count) break;
            fresh[completions[k]] = Math.Max(0, observations[o].AtMs - completions[k].CompletedMs);
        }
        return fresh;
    }

    /// <summary>The configuration Aspire passed to <c>dotnet run</c> (its <c>-c</c>), which is the AppHost assembly's own.</summary>
    static string ConfigurationOf(string dotnetRun)
    {
        var parts = dotnetRun.Split(' ');
        var at = Array.FindIndex(parts, p => p is "-c" or "--configuration");
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : "(none given: dotnet run's default, Debug)";
    }
}
