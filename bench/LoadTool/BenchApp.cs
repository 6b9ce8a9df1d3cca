using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Medborgare.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.LoadTool;

/// <summary>
/// The whole app as the AppHost starts it, on Aspire's testing host (as the system tests do): local PostgreSQL and RabbitMQ, the four
/// services and the web app, in a state folder of its own, with the dashboard when telemetry is on. The one departure from the
/// defaults: Collection's per-client limits are raised, since all load comes from one address. Every resource's log goes to
/// app.log in the state folder; the AppHost's own log too (warnings and up), so the console keeps only the report.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    public const string DashboardResource = "aspire-dashboard";
    readonly ConcurrentDictionary<string, ResourceEvent> instances = new();
    readonly CancellationTokenSource watching = new();
    readonly AppLog log;

    BenchApp(string stateDirectory)
    {
        StateDirectory = stateDirectory;
        log = new AppLog(Path.Combine(stateDirectory, "app.log"));
    }

    public string StateDirectory { get; }
    public DistributedApplication App { get; private set; } = null!;
    public string SigningKey { get; private set; } = "";
    public TimeSpan StartupTime { get; private set; }
    public string AppHostEnvironment { get; private set; } = "";

    public static async Task<BenchApp> StartAsync(LoadOptions options, string stateDirectory)
    {
        var bench = new BenchApp(stateDirectory);
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Medborgare_AppHost>(
            ["--state-dir", stateDirectory, "--web-port", "0", "--replicas", options.Replicas.ToString(CultureInfo.InvariantCulture)],
            (app, host) =>
            {
                if (!options.Telemetry) return;
                // The dashboard as the AppHost's launch profile has it, on free ports; Aspire points every part's OTLP exporter at it.
                app.DisableDashboard = false;
                (host.Configuration ??= new()).AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
                    ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePorts.Next()}",
                    ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePorts.Next()}",
                    ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                    ["ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN"] = Guid.NewGuid().ToString("N"),
                });
            }, timeout.Token);
        bench.AppHostEnvironment = builder.Environment.EnvironmentName;
        builder.Services.AddLogging(logging => logging.ClearProviders()
            .AddProvider(new AppLogProvider(bench.log))
            .AddFilter<AppLogProvider>((category, level) => level >= LogLevel.Warning && category?.Contains(".Resources.", StringComparison.Ordinal) != true));

        foreach (var part in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(part);
            // Aspire sets an OTLP endpoint on every project even without a dashboard (its default port): off means none at all,
            // and ServiceDefaults then registers no telemetry. This callback runs after Aspire's, which AddProject added.
            if (!options.Telemetry)
                resource.WithEnvironment(context =>
                {
                    context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                    context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_PROTOCOL");
                });
            if (options.TraceSampleRatio is { } ratio)
                resource.WithEnvironment("Telemetry__TraceSampleRatio", ratio.ToString(CultureInfo.InvariantCulture));
            if (part.Name == ResourceNames.Collection)
            {
                // All load comes from one address: the per-client public limit and the code-guess throttle are not what is measured.
                resource.WithEnvironment("RateLimiting__PublicRequestsPerMinute", "100000000")
                    .WithEnvironment("CodeThrottle__PerClientLimit", "100000000")
                    .WithEnvironment("CodeThrottle__GlobalLimit", "100000000");
            }
        }

        try
        {
            bench.App = await builder.BuildAsync(timeout.Token);
            _ = bench.WatchAsync(bench.watching.Token);
            await bench.App.StartAsync(timeout.Token);
            foreach (var part in ResourceNames.Services.Append(ResourceNames.Web))
                await bench.App.ResourceNotifications.WaitForResourceHealthyAsync(part, timeout.Token);
            bench.SigningKey = (await bench.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
                .Single(p => p.Name == "staff-signing-key").GetValueAsync(timeout.Token))!;
        }
        catch
        {
            // Whatever did start is stopped before the caller hears of the failure.
            await bench.DisposeAsync();
            throw;
        }
        bench.StartupTime = started.Elapsed;
        return bench;
    }

    /// <summary>Every resource instance's latest state, and every log line into app.log, from the moment the app is built.</summary>
    async Task WatchAsync(CancellationToken ct)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        try
        {
            await foreach (var e in App.ResourceNotifications.WatchAsync(ct))
            {
                if (!instances.TryAdd(e.ResourceId, e))
                {
                    instances[e.ResourceId] = e;
                    continue;
                }
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await foreach (var lines in logs.WatchAsync(e.ResourceId).WithCancellation(ct))
                            foreach (var line in lines) log.Write($"{e.ResourceId}| {line.Content}");
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                    }
                }, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public string Url(string resource) => App.GetEndpoint(resource, "http").ToString().TrimEnd('/');

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string");

    /// <summary>The process DCP started for each running instance of a resource (for a project: <c>dotnet run</c>), by instance id.</summary>
    public IReadOnlyList<(string Instance, int Pid)> Processes(string resource) =>
        [.. instances.Values.Where(e => e.Resource.Name == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal)
            .Select(e => (e.ResourceId, Pid: Pid(e))).Where(p => p.Pid > 0)];

    static int Pid(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            && int.TryParse(value.ToString(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try { await App.StopAsync(timeout.Token); } catch (OperationCanceledException) { }
            await App.DisposeAsync();
        }
        await watching.CancelAsync();
        log.Close();
    }

    /// <summary>app.log: one line per resource log line, written from many watchers; closed when the app has stopped.</summary>
    sealed class AppLog(string path)
    {
        readonly StreamWriter writer = new(path) { AutoFlush = true };
        bool closed;

        public void Write(string line)
        {
            lock (writer) if (!closed) writer.WriteLine(line);
        }

        public void Close()
        {
            lock (writer)
            {
                closed = true;
                writer.Dispose();
            }
        }
    }

    /// <summary>The AppHost's own log lines (DCP, health checks, crash restarts) into app.log.</summary>
    sealed class AppLogProvider(AppLog log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log, categoryName);
        public void Dispose() { }

        sealed class Logger(AppLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Write($"apphost| {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
