using Medborgare.AppHost.Hosting;

namespace Medborgare.LoadTool;

sealed record LoadReport(LoadOptions Options, int Submitted, int Errors, double SubmitSeconds, double CountedSeconds,
    double P50, double P95, double P99, double Max, double FreshP50, double FreshP95, double FreshP99, IReadOnlyDictionary<string, long> RssMb)
{
    public static LoadReport Create(LoadOptions options, List<(double Ms, bool Ok, double CompletedAt)> latencies,
        List<(double AtMs, long Count)> observations, double submitSeconds, double countedSeconds, DistributedApplication app)
    {
        var ok = latencies.Where(l => l.Ok).ToList();
        var sorted = ok.Select(l => l.Ms).Order().ToArray();
        // Freshness: the k-th completed submission counts as visible when Analysis's count first reached k.
        var completions = ok.Select(l => l.CompletedAt).Order().ToArray();
        var fresh = new List<double>(completions.Length);
        var o = 0;
        for (var k = 0; k < completions.Length; k++)
        {
            while (o < observations.Count && observations[o].Count < k + 1) o++;
            if (o == observations.Count) break;
            fresh.Add(Math.Max(0, observations[o].AtMs - completions[k]));
        }
        var freshSorted = fresh.Order().ToArray();
        var rss = app.Projects.Where(p => p.RunningProcess?.ProcessId is not null)
            .ToDictionary(p => p.Name, p => ReadRssMb(p.RunningProcess!.ProcessId!.Value));
        return new LoadReport(options, ok.Count, latencies.Count - ok.Count, submitSeconds, countedSeconds,
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.LastOrDefault(),
            Percentile(freshSorted, 50), Percentile(freshSorted, 95), Percentile(freshSorted, 99), rss);
    }

    static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    static long ReadRssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException) { return -1; }
    }

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"Load: {Options.Responses} responses at a target of {Options.Rate}/s (concurrency {Options.Concurrency})");
        o.WriteLine($"  accepted             {Submitted}, errors {Errors}");
        o.WriteLine($"  submit throughput    {Submitted / SubmitSeconds:0} responses/s over {SubmitSeconds:0.0} s");
        o.WriteLine($"  all counted by Analysis after {CountedSeconds:0.0} s ({Submitted / CountedSeconds:0} responses/s end to end)");
        o.WriteLine($"  submit latency (ms)  p50 {P50:0.0}  p95 {P95:0.0}  p99 {P99:0.0}  max {Max:0.0}");
        o.WriteLine($"  freshness (ms)       p50 {FreshP50:0}  p95 {FreshP95:0}  p99 {FreshP99:0}   (submit done → counted by Analysis)");
        o.WriteLine($"  RSS (MB)             {string.Join("  ", RssMb.Select(kv => $"{kv.Key} {kv.Value}"))}");
    }
}
