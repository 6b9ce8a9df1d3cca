using System.Collections.Concurrent;
using Medborgare.ServiceDefaults;

namespace Medborgare.LoadTool;

/// <summary>
/// CPU time and resident memory of everything the run puts on the machine, from /proc. A part's process is the child of the
/// <c>dotnet run</c> process that DCP started for its instance ("executable.pid"); PostgreSQL is every process under the local
/// server's resource (postmaster and backends), RabbitMQ every process under its resource (beam.smp and its helpers); DCP is its own
/// processes (the API server, the controllers and the proxies every HTTP request to a part passes through); the load tool is this process, which also runs
/// the AppHost (the testing host is in-process).
/// </summary>
sealed class ProcessMeter(BenchApp app)
{
    static readonly string[] Parts = [.. ResourceNames.Services, ResourceNames.Web];
    readonly ConcurrentDictionary<string, double> rssMax = new();
    CancellationTokenSource? sampling;
    int? dcpRoot;
    Task? sampler;

    /// <summary>Each measured process group's cumulative CPU milliseconds, now.</summary>
    public Dictionary<string, double> CpuNow()
    {
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, pids) in Groups()) cpu[name] = pids.Sum(pid => Proc.ReadStat(pid) is { } s ? s.OwnMs + s.ReapedChildrenMs : 0);
        cpu["dcp"] = DcpRoot() is { } dcp
            ? Proc.Tree(dcp).Select(Proc.ReadStat).Where(s => s?.Command == "dcp").Sum(s => s!.OwnMs)
            : 0;
        cpu["load tool"] = Proc.ReadStat(Environment.ProcessId)?.OwnMs ?? 0;
        return cpu;
    }

    /// <summary>
    /// DCP's API server, which detaches from the AppHost (its parent is init) and watches it with <c>--monitor &lt;pid&gt;</c>; its
    /// controller process under it runs the proxies and starts every resource, so only the processes named dcp are its own.
    /// </summary>
    int? DcpRoot()
    {
        if (dcpRoot is { } known && Directory.Exists($"/proc/{known}")) return known;
        var monitor = $"--monitor {Environment.ProcessId} ";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var command = Proc.CommandLine(pid);
            if (command.Contains("/dcp start-apiserver", StringComparison.Ordinal) && (command + " ").Contains(monitor, StringComparison.Ordinal))
                return dcpRoot = pid;
        }
        return null;
    }

    /// <summary>The groups whose trees are summed: each part's instance (its app process and anything under it), the servers, the dashboard.</summary>
    IEnumerable<(string Name, List<int> Pids)> Groups()
    {
        foreach (var (name, appPids) in AppProcesses()) yield return (name, [.. appPids.SelectMany(Proc.Tree)]);
        foreach (var (label, resource) in new[] { ("postgresql", ResourceNames.Postgres), ("rabbitmq", ResourceNames.Messaging), ("dashboard", BenchApp.DashboardResource) })
        {
            var roots = app.Processes(resource);
            if (roots.Count > 0) yield return (label, [.. roots.SelectMany(r => Proc.Tree(r.Pid))]);
        }
    }

    /// <summary>The app processes of every part's instance: the children of its <c>dotnet run</c>. Named by resource, or by instance when replicated.</summary>
    public IEnumerable<(string Name, List<int> Pids)> AppProcesses()
    {
        foreach (var part in Parts)
        {
            var instances = app.Processes(part);
            foreach (var (instance, pid) in instances) yield return (instances.Count == 1 ? part : instance, [.. Proc.Children(pid)]);
        }
    }

    /// <summary>The command lines DCP used: <c>dotnet run … -c Release</c> and the app process under it (for the report's configuration line).</summary>
    public (string DotnetRun, string App) CommandLines(string part)
    {
        var instance = app.Processes(part).FirstOrDefault();
        if (instance.Pid == 0) return ("", "");
        return (Proc.CommandLine(instance.Pid), Proc.Children(instance.Pid).Select(Proc.CommandLine).FirstOrDefault() ?? "");
    }

    /// <summary>From now until <see cref="StopRssAsync"/>, the largest resident memory of each part's instance, sampled every 250 ms.</summary>
    public void StartRss()
    {
        rssMax.Clear();
        sampling = new CancellationTokenSource();
        var ct = sampling.Token;
        sampler = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var (name, pids) in AppProcesses())
                {
                    var rss = pids.Sum(Proc.RssMb);
                    rssMax.AddOrUpdate(name, rss, (_, max) => Math.Max(max, rss));
                }
                try { await Task.Delay(250, ct); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);
    }

    public async Task<Dictionary<string, double>> StopRssAsync()
    {
        if (sampling is not null) await sampling.CancelAsync();
        if (sampler is not null) await sampler;
        return new Dictionary<string, double>(rssMax, StringComparer.Ordinal);
    }
}
