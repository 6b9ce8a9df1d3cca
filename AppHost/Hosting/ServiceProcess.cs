using System.Diagnostics;

namespace Medborgare.AppHost.Hosting;

/// <summary>
/// One service or web app running as a child process: its output forwarded with a coloured prefix,
/// restarted with backoff when it crashes, and stopped with SIGTERM (then a kill) on shutdown.
/// </summary>
public sealed class ServiceProcess(string name, string dllPath, string workingDirectory, IReadOnlyDictionary<string, string> environment,
    ConsoleColor color, TextWriter output, string? standardInput = null) : IAsyncDisposable
{
    static readonly Lock ConsoleLock = new();
    readonly CancellationTokenSource stopping = new();
    Process? process;
    Task? supervisor;

    public string Name => name;
    public int Restarts { get; private set; }
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    /// <summary>Raised for every line the process writes, before it is forwarded.</summary>
    public event Action<string>? LineWritten;

    public void Start()
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"{name}: {dllPath} does not exist. Build the solution first (dotnet build).", dllPath);
        }
        supervisor = Task.Run(SuperviseAsync);
    }

    async Task SuperviseAsync()
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            var started = Stopwatch.StartNew();
            process = Launch();
            try { await process.WaitForExitAsync(stopping.Token); }
            catch (OperationCanceledException) { return; }

            var code = process.ExitCode;
            if (stopping.IsCancellationRequested) return;
            if (started.Elapsed > TimeSpan.FromMinutes(1)) backoff = TimeSpan.FromSeconds(1);
            Write($"exited with code {code}; restarting in {backoff.TotalSeconds:0} s");
            Restarts++;
            try { await Task.Delay(backoff, stopping.Token); }
            catch (OperationCanceledException) { return; }
            backoff = TimeSpan.FromSeconds(Math.Min(backoff.TotalSeconds * 2, 30));
        }
    }

    Process Launch()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(dllPath);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        psi.Environment["MEDBORGARE_PARENT_PID"] = Environment.ProcessId.ToString();

        var p = new Process { StartInfo = psi, EnableRaisingEvents = true };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) Forward(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Forward(e.Data); };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (standardInput is not null)
        {
            // Secrets go through stdin, never the environment or the command line, which others can read.
            p.StandardInput.WriteLine(standardInput);
            p.StandardInput.Close();
        }
        return p;
    }

    void Forward(string line)
    {
        LineWritten?.Invoke(line);
        Write(line);
    }

    void Write(string line)
    {
        lock (ConsoleLock)
        {
            var previous = Console.ForegroundColor;
            if (ReferenceEquals(output, Console.Out)) Console.ForegroundColor = color;
            output.Write($"{name,-12}| ");
            if (ReferenceEquals(output, Console.Out)) Console.ForegroundColor = previous;
            output.WriteLine(line);
        }
    }

    /// <summary>Kills the process as a crash would; the supervisor restarts it.</summary>
    public void Crash()
    {
        if (process is { HasExited: false } p) p.Kill(entireProcessTree: true);
    }

    public async Task StopAsync()
    {
        if (stopping.IsCancellationRequested) return;
        await stopping.CancelAsync();
        if (process is { HasExited: false } p)
        {
            Native.Terminate(p.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await p.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { p.Kill(entireProcessTree: true); }
        }
        if (supervisor is not null) await supervisor;
        process?.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
