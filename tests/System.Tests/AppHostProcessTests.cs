using System.Diagnostics;
using Medborgare.AppHost.Hosting;

namespace Medborgare.SystemTests;

/// <summary>The AppHost as the README runs it: a real process that starts everything and stops it all on Ctrl+C.</summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task Ctrl_C_stops_every_service_and_server_with_no_orphans()
    {
        var root = AppHostOptions.FindRepositoryRoot();
        var stateDir = Path.Combine(root, ".medborgare", "test", $"apphost-{Guid.NewGuid():N}"[..21]);
        var dll = Path.Combine(root, "AppHost", "bin", "Debug", "net10.0", "Medborgare.AppHost.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--state-dir", stateDir }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("ConnectionStrings__postgres");
        psi.Environment.Remove("ConnectionStrings__messaging");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var apphost = new Process { StartInfo = psi };
        apphost.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        apphost.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        apphost.Start();
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        try
        {
            await Medborgare.Testing.Eventually.TrueAsync(() => Task.FromResult(output.Any(l => l.Contains("Medborgare is running"))),
                TimeSpan.FromMinutes(2), "the AppHost to report all healthy");
            var children = ChildrenOf(apphost.Id);
            Assert.Equal(5, children.Count(c => c.CommandLine.Contains("Medborgare.", StringComparison.Ordinal)));

            Process.Start("kill", [StopSignal(), apphost.Id.ToString()])!.WaitForExit();

            Assert.True(apphost.WaitForExit(TimeSpan.FromSeconds(60)), "the AppHost did not stop within 60 s:\n" + string.Join("\n", output));
            Assert.Equal(0, apphost.ExitCode);
            await Task.Delay(500);
            Assert.All(children, c => Assert.False(Directory.Exists($"/proc/{c.Pid}"), $"{c.CommandLine} is still running"));
            Assert.Empty(ProcessesMentioning(stateDir));
        }
        finally
        {
            if (!apphost.HasExited) apphost.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// Ctrl+C's SIGINT, unless this test run was started as a background job: a shell then starts it with SIGINT ignored, the
    /// AppHost inherits that, and .NET keeps an inherited ignore (as POSIX expects of background jobs). The AppHost stops the
    /// same way on SIGTERM, so that is sent instead.
    /// </summary>
    static string StopSignal()
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))[7..].Trim();
        var sigintIgnored = (Convert.ToUInt64(ignored, 16) & (1UL << (2 - 1))) != 0;
        return sigintIgnored ? "-TERM" : "-INT";
    }

    static List<(int Pid, string CommandLine)> ChildrenOf(int parent) =>
        AllProcesses().Where(p => ParentOf(p.Pid) == parent).ToList();

    static List<(int Pid, string CommandLine)> ProcessesMentioning(string text) =>
        AllProcesses().Where(p => p.CommandLine.Contains(text, StringComparison.Ordinal)).ToList();

    static IEnumerable<(int Pid, string CommandLine)> AllProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string cmd;
            try { cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' '); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            yield return (pid, cmd);
        }
    }

    static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (IOException) { return -1; }
    }
}
