using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medborgare.LoadTool;

/// <summary>The report as text on the console, and as report.json beside the app's log.</summary>
static class ReportText
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string WriteJson(LoadReport report, string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "report.json");
        File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
        return path;
    }

    public static void Print(LoadReport r, TextWriter o)
    {
        var run = r.Run;
        var m = r.Measured;
        o.WriteLine();
        o.WriteLine($"Medborgare end-to-end ingest, {run.Started:yyyy-MM-dd HH:mm} UTC");
        o.WriteLine($"  app                 {run.Configuration} build, replicas {run.Replicas}, all healthy after {run.StartupSeconds:0.0} s; AppHost environment {run.AppHostEnvironment}");
        o.WriteLine($"                      Aspire ran: {run.DotnetRunCommand.Replace(run.StateDirectory, "…", StringComparison.Ordinal)}");
        o.WriteLine($"                      app process: {run.AppCommand}");
        o.WriteLine($"  telemetry           {(run.Telemetry ? "on: OTLP to the Aspire dashboard" : "off: no OTLP endpoint")}; parts with an OTLP endpoint: {run.PartsExportingOtlp}" +
                    (run.TraceSampleRatio is { } ratio ? $"; trace sample ratio {ratio.ToString(CultureInfo.InvariantCulture)}" : ""));
        o.WriteLine($"  stored submissions  {run.StoredSubmissionsAtStart:N0} in collectiondb when the measured phase began" +
                    (run.Preload > 0 ? $" ({run.Preload:N0} synthetic filler, loaded in {run.PreloadSeconds:0} s)" : ""));
        if (r.WarmUp is { } w) o.WriteLine($"  warm-up             {w.Accepted:N0} of {w.Submits:N0} accepted{Errors(w.Errors)}");
        o.WriteLine();
        o.WriteLine($"Measured phase: {m.Submits:N0} submits offered at {run.Rate}/s (open loop, at most {run.Concurrency} in flight)" +
                    (m.Seconds < 60 ? $" — {m.Seconds:0} s, shorter than the 60 s a sustained figure needs" : ""));
        o.WriteLine($"  accepted            {m.Accepted:N0} = {m.AcceptedPerSecond:0.0}/s over {m.Seconds:0.0} s (sent at {m.SentPerSecond:0.0}/s)");
        o.WriteLine($"  counted end to end  {(m.CountedPerSecond is { } c ? $"{c:0.0}/s (first submit → Analysis's count covers the last)" : "never caught up (see exactly once)")}");
        o.WriteLine($"  submit latency ms   {Ms(m.LatencyMs)}");
        o.WriteLine($"  from scheduled ms   {Ms(m.LatencyFromScheduleMs)}; {m.StartedLateOver100Ms:N0} sends started > 100 ms late (max {m.MaxStartLagMs:0} ms)");
        o.WriteLine($"  freshness ms        {(m.FreshnessMs is { } f ? $"p50 {f.P50:0}  p95 {f.P95:0}  p99 {f.P99:0}  (submit answered → counted by Analysis; {f.N:N0} of {m.Accepted:N0})" : "n/a: nothing was counted")}");
        o.WriteLine($"  errors              {(m.Errors.Count == 0 ? "none" : Errors(m.Errors).TrimStart(',', ' '))}");
        o.WriteLine();
        o.WriteLine($"CPU per accepted response ({r.CpuWindow}, {r.CpuWindowSeconds:0.0} s):");
        foreach (var cpu in r.CpuPerResponse)
            o.WriteLine($"  {cpu.Process,-20}{cpu.MsPerResponse,8:0.00} ms   ({cpu.Milliseconds / 1000:0.0} s CPU, {cpu.Milliseconds / 10 / Math.Max(0.001, r.CpuWindowSeconds):0} % of a core)");
        o.WriteLine($"RSS max under load (MB): {string.Join("  ", r.RssMaxMb.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:0}"))}");
        o.WriteLine($"PostgreSQL row writes: {r.RowWrites.PerResponse:0.0} per accepted response ({r.RowWrites.Rows:N0} rows, pg_stat_user_tables, all five databases); top writers:");
        foreach (var t in r.RowWrites.TopTables) o.WriteLine($"  {t.Table,-48}{t.PerResponse,8:0.00} per response");

        if (r.Overload is { } ov)
        {
            o.WriteLine();
            o.WriteLine($"Overload: {ov.Submits:N0} submits offered at {ov.OfferedPerSecond}/s");
            o.WriteLine($"  accepted            {ov.Accepted:N0} = {ov.AcceptedPerSecond:0.0}/s; counted {(ov.CountedPerSecond is { } oc ? $"{oc:0.0}/s" : "never caught up")}");
            o.WriteLine($"  shed (503/429)      {ov.Shed503Or429Share:P1} of submits, {ov.ShedWithRetryAfterShare:P0} of those with Retry-After");
            o.WriteLine($"  latency ms          {Ms(ov.LatencyMs)}");
            o.WriteLine($"  errors              {(ov.Errors.Count == 0 ? "none" : Errors(ov.Errors).TrimStart(',', ' '))}");
            o.WriteLine($"  RSS max (MB)        {string.Join("  ", ov.RssMaxMb.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:0}"))}");
        }

        var x = r.ExactlyOnce;
        o.WriteLine();
        o.WriteLine($"Exactly once: {(x.Holds ? "holds" : "VIOLATED")} — accepted {x.Accepted:N0} (of them {x.UncertainButKept} kept after an uncertain answer; " +
                    $"{x.UncertainNotKept} uncertain not kept; {x.Unresolved} unresolved), counted {x.Counted:N0}, raw responses in analysisdb {x.RawResponses?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"}");
        if (x.Lost > 0) o.WriteLine($"  {x.Lost:N0} accepted responses were never counted");
        if (x.CountedTwice > 0) o.WriteLine($"  {x.CountedTwice:N0} more counted than accepted");
        if (!x.RawAgrees) o.WriteLine("  the raw responses do not agree with the count");
        o.WriteLine($"  ({r.CountPolls:N0} polls of the count, {r.FailedCountPolls:N0} not answered 200)");

        if (r.PgBench is { } pg)
        {
            o.WriteLine();
            o.WriteLine(pg.Tps is { } tps
                ? $"PostgreSQL bare one-row inserts (pgbench -c 4 -j 2 -T 20, same server): {tps:0} tps; counted end to end = " +
                  $"{(pg.IngestRatio is { } q ? $"{q:0.00}" : "n/a")} × that at {run.Rate}/s offered" +
                  (pg.OverloadIngestRatio is { } qo ? $", {qo:0.00} × in overload" : "") + " (target ≥ 0.25, at a rate the app cannot quite take)"
                : $"pgbench: skipped — {pg.Skipped}");
        }
    }

    static string Ms(Percentiles p) => p.N == 0 ? "n/a" : $"p50 {p.P50:0.0}  p95 {p.P95:0.0}  p99 {p.P99:0.0}  max {p.Max:0.0}";

    static string Errors(IReadOnlyDictionary<string, int> errors) =>
        errors.Count == 0 ? "" : ", " + string.Join(", ", errors.Select(e => $"{e.Value:N0} × {e.Key}"));
}
