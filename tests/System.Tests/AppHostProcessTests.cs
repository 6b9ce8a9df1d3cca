using System.Diagnostics;

namespace Medborgare.SystemTests;

/// <summary>
/// The app as README starts it (<c>./run.sh</c> is <c>dotnet run --project AppHost</c>): a real AppHost process with its launch
/// profile and the dashboard, which prints the dashboard's login address and the first administrator's password once, serves the
/// residents' site, and stops everything (services, PostgreSQL, RabbitMQ) on Ctrl+C, leaving no process behind.
/// </summary>
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task The_app_starts_as_README_says_and_Ctrl_C_stops_everything_with_no_orphans()
    {
        var root = Medborgare.Testing.TestServers.RepositoryRoot();
        var stateDir = Medborgare.Testing.TestServers.NewStateDirectory("apphost");
        var webPort = FreePorts.Next();
        // In a process group of its own, as a terminal runs a command: Ctrl+C then reaches `dotnet run` and the AppHost both.
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var a in new[] { "dotnet", "run", "--project", "AppHost", "--no-build", "--", "--state-dir", stateDir, "--web-port", webPort.ToString() })
            psi.ArgumentList.Add(a);
        foreach (var variable in new[] { "ConnectionStrings__postgres", "ConnectionStrings__messaging", "MEDBORGARE_POSTGRES", "MEDBORGARE_RABBITMQ" })
            psi.Environment.Remove(variable);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var apphost = new Process { StartInfo = psi };
        apphost.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        apphost.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        apphost.Start();
        apphost.BeginOutputReadLine();
        apphost.BeginErrorReadLine();
        try
        {
            await Medborgare.Testing.Eventually.TrueAsync(() => Task.FromResult(output.Any(l => l.Contains("password:", StringComparison.Ordinal))),
                TimeSpan.FromMinutes(4), "the AppHost to create the first administrator");
            Assert.Contains(output, l => l.Contains("Login to the dashboard at http://localhost:18888/login?t=", StringComparison.Ordinal));
            var password = output.Single(l => l.Contains("password:", StringComparison.Ordinal)).Split("password:")[1].Trim();
            Assert.True(password.Length >= 16);
            using var http = new HttpClient();
            await Medborgare.Testing.Eventually.TrueAsync(async () =>
            {
                try { return (await http.GetAsync($"http://127.0.0.1:{webPort}/")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromMinutes(2), "the residents' site");
            string[] partNames = ["Distribution", "Collection", "Analysis", "FollowUp", "Web"];
            var parts = AllProcesses().Where(p => partNames.Any(n => p.CommandLine.StartsWith($"{root}/", StringComparison.Ordinal)
                && p.CommandLine.TrimEnd().EndsWith($"/bin/Debug/net10.0/Medborgare.{n}", StringComparison.Ordinal))).ToList();
            Assert.Equal(5, parts.Count);
            var servers = ProcessesMentioning(stateDir);
            Assert.Contains(servers, p => p.CommandLine.Contains("postgres", StringComparison.Ordinal));
            Assert.Contains(servers, p => p.CommandLine.Contains("beam.smp", StringComparison.Ordinal));

            Process.Start("kill", [StopSignal(), "--", $"-{apphost.Id}"])!.WaitForExit();

            Assert.True(apphost.WaitForExit(TimeSpan.FromSeconds(90)), "the AppHost did not stop within 90 s:\n" + string.Join("\n", output));
            // DCP finishes stopping the resources after the AppHost has gone.
            await Medborgare.Testing.Eventually.TrueAsync(() => Task.FromResult(!ProcessesMentioning(stateDir).Any()
                    && parts.All(p => !Directory.Exists($"/proc/{p.Pid}"))), TimeSpan.FromSeconds(60), "every part and server to stop");
            Assert.Single(output, l => l.Contains(password, StringComparison.Ordinal));
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
}
