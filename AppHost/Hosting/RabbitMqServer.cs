using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Medborgare.AppHost.Hosting;

/// <summary>
/// A private RabbitMQ node from the machine's own package: its own node name, data and config under the
/// state folder, AMQP and management bound to 127.0.0.1, and a generated password.
/// </summary>
public sealed class RabbitMqServer(string stateDirectory, int amqpPort = 0) : IAsyncDisposable
{
    const string InstallHint = "RabbitMQ was not found. Install it with: apt-get install -y rabbitmq-server";

    readonly string dataDirectory = Path.Combine(stateDirectory, "rabbitmq");
    Process? process;

    public int AmqpPort { get; private set; } = amqpPort;
    public int ManagementPort { get; private set; }
    public string UserName => "medborgare";
    public string Password { get; private set; } = "";
    public string NodeName { get; private set; } = "";

    public string ConnectionString => $"amqp://{UserName}:{Uri.EscapeDataString(Password)}@127.0.0.1:{AmqpPort}";
    public string ManagementUrl => $"http://127.0.0.1:{ManagementPort}";

    /// <summary>The server's pid while it runs (for tests that kill the broker on purpose).</summary>
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    public async Task StartAsync(CancellationToken ct)
    {
        var server = FindServer() ?? throw new InvalidOperationException(InstallHint);
        Directory.CreateDirectory(dataDirectory);
        Password = Secrets.ReadOrCreate(Path.Combine(stateDirectory, "rabbitmq.password"), () => Secrets.NewPassword());
        // Stable per data folder, so the node finds its own data again after a restart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..10];
        NodeName = $"medborgare-{hash}@localhost";

        await StopLeftoverAsync(ct);

        if (AmqpPort == 0) AmqpPort = Ports.Free();
        ManagementPort = Ports.Free();
        var distPort = Ports.Free();
        var configFile = Path.Combine(dataDirectory, "rabbitmq.conf");
        await File.WriteAllTextAsync(configFile, $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {ManagementPort}
            default_user = {UserName}
            default_pass = {Password}
            loopback_users = none
            log.console = false
            log.file.level = warning
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "enabled_plugins"), "[rabbitmq_management].\n", ct);

        var psi = new ProcessStartInfo(server) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in Environment(distPort, configFile)) psi.Environment[key] = value;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await Ports.IsOpenAsync(AmqpPort, ct) || !await Ports.IsOpenAsync(ManagementPort, ct))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ exited with code {process.ExitCode}; see {Path.Combine(dataDirectory, "log")}");
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException("RabbitMQ did not start within 90 s");
            await Task.Delay(200, ct);
        }
    }

    Dictionary<string, string> Environment(int distPort, string configFile) => new()
    {
        ["HOME"] = dataDirectory, // keeps the Erlang cookie private to this node
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_CONFIG_FILE"] = configFile,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dataDirectory, "enabled_plugins"),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dataDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(dataDirectory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(dataDirectory, "rabbitmq.pid"),
        // Erlang's schedulers spin while idle by default; on a small machine shared with the services that spinning
        // takes CPU the services need (RabbitMQ's runtime guide recommends this for shared hosts).
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none",
    };

    /// <summary>A node left running by an AppHost that was killed would hold the node name: stop it.</summary>
    async Task StopLeftoverAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(dataDirectory, "rabbitmq.pid");
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile, ct)).Trim(), out var pid)) return;
        if (!Native.IsAlive(pid) || !IsBeam(pid)) return;
        Native.Terminate(pid);
        for (var i = 0; i < 150 && Native.IsAlive(pid); i++) await Task.Delay(100, ct);
    }

    static bool IsBeam(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains("beam", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    /// <summary>Stops the node gracefully (SIGTERM), and kills it if it does not stop in time.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        var p = process;
        process = null;
        if (!p.HasExited)
        {
            Native.Terminate(p.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await p.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { p.Kill(entireProcessTree: true); }
        }
        p.Dispose();
    }

    /// <summary>Kills the node at once, as a crash would (for failure tests).</summary>
    public void Kill()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        process = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    static string? FindServer()
    {
        // Debian's /usr/sbin wrapper switches to the rabbitmq user; the real script runs as whoever calls it.
        const string debian = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        if (File.Exists(debian)) return debian;
        return System.Environment.GetEnvironmentVariable("PATH")?.Split(':')
            .Select(d => Path.Combine(d, "rabbitmq-server"))
            .FirstOrDefault(File.Exists);
    }
}
