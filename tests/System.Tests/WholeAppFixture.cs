using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.SystemTests;

/// <summary>
/// The whole app, started by the AppHost on Aspire's testing host exactly as <c>./run.sh</c> starts it (its default environment,
/// local PostgreSQL and RabbitMQ, crash restarts), in a state folder of its own, with any free web port. Every part exports its
/// spans over OTLP to <see cref="Traces"/>, as to the dashboard; every resource's log lines are kept in <see cref="LogText"/>.
/// </summary>
public class WholeAppFixture : IAsyncLifetime
{
    readonly ConcurrentQueue<string> log = new();
    readonly ConcurrentDictionary<string, ResourceEvent> instances = new();
    readonly CancellationTokenSource watching = new();

    public DistributedApplication App { get; private set; } = null!;
    public string StateDirectory { get; } = TestServers.NewStateDirectory("system");
    public OtlpReceiver Traces { get; private set; } = null!;
    public string SigningKey { get; private set; } = "";
    /// <summary>The first administrator's one-time password, which this run's web app created the account with.</summary>
    public string AdministratorPassword { get; private set; } = "";
    public string LogText => string.Join('\n', log);

    /// <summary>The Aspire dashboard, as <c>./run.sh</c> has it (the shared app's; fixtures of their own leave it out).</summary>
    protected virtual bool Dashboard => true;
    public string DashboardUrl { get; private set; } = "";
    const string DashboardResource = "aspire-dashboard";
    public string DashboardLoginUrl => $"{DashboardUrl}/login?t={DashboardToken}";
    string DashboardToken { get; } = Guid.NewGuid().ToString("N");

    /// <summary>More of the AppHost's command line (<c>--replicas 2</c>, <c>--demo</c>) for a fixture of its own.</summary>
    protected virtual IReadOnlyList<string> Arguments => [];
    /// <summary>Settings a fixture of its own gives every part, on top of the app's defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        Traces = await OtlpReceiver.StartAsync();
        // Generous: on a loaded 2-core machine restore-free builds, migrations and first JIT take far longer than the usual 20 s.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Medborgare_AppHost>(
            ["--state-dir", StateDirectory, "--web-port", "0", .. Arguments],
            (app, host) =>
            {
                host.Configuration ??= new();
                var settings = new Dictionary<string, string?>();
                if (Dashboard)
                {
                    // As the AppHost's launch profile has it (the testing host gives it other, free ports, read back below).
                    app.DisableDashboard = false;
                    settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}";
                    settings["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePorts.Next()}";
                    settings["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePorts.Next()}";
                    settings["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
                    settings["ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN"] = DashboardToken;
                }
                else
                {
                    settings["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = Traces.Endpoint;
                }
                host.Configuration.AddInMemoryCollection(settings);
            }, timeout.Token);
        foreach (var part in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(part)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
                // FollowUp compares key figures with the peers in its Kolada:Peers, as a configured municipality would.
                .WithEnvironment("Kolada__Peers__0", PoliticianScenario.Peer);
            foreach (var (key, value) in Settings) resource.WithEnvironment(key, value);
        }
        App = await builder.BuildAsync(timeout.Token);
        _ = WatchAsync(watching.Token);
        try
        {
            await App.StartAsync(timeout.Token);
            if (Dashboard)
            {
                DashboardUrl = App.GetEndpoint(DashboardResource, "http").ToString().TrimEnd('/');
                // Every part exports to the test's receiver, which passes each export on to the dashboard as it came.
                Traces.ForwardTo = App.GetEndpoint(DashboardResource, "otlp-http").ToString();
            }
            foreach (var part in ResourceNames.Services.Append(ResourceNames.Web))
                await App.ResourceNotifications.WaitForResourceHealthyAsync(part, timeout.Token);
            SigningKey = await ParameterAsync("staff-signing-key");
            AdministratorPassword = await ParameterAsync("first-administrator-password");
        }
        catch (Exception ex)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The app did not start: {ex.Message}. Its log:\n{LogText}", ex);
        }
    }

    /// <summary>Every resource instance's latest state, and every log line, from the moment the app is built.</summary>
    async Task WatchAsync(CancellationToken ct)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var followed = new ConcurrentDictionary<string, bool>();
        try
        {
            await foreach (var e in App.ResourceNotifications.WatchAsync(ct))
            {
                instances[e.ResourceId] = e;
                if (!followed.TryAdd(e.ResourceId, true)) continue;
                _ = Task.Run(async () =>
                {
                    await foreach (var lines in logs.WatchAsync(e.ResourceId).WithCancellation(ct))
                        foreach (var line in lines) log.Enqueue($"{e.ResourceId}| {line.Content}");
                }, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async Task DisposeAsync()
    {
        await watching.CancelAsync();
        if (App is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try { await App.StopAsync(timeout.Token); } catch (OperationCanceledException) { }
            await App.DisposeAsync();
        }
        if (Traces is not null) await Traces.DisposeAsync();
    }

    async Task<string> ParameterAsync(string name) =>
        (await App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name)
            .GetValueAsync(CancellationToken.None))!;

    /// <summary>A part's address (through Aspire's proxy, which spreads requests over its replicas).</summary>
    public string Url(string resource) => App.GetEndpoint(resource, "http").ToString().TrimEnd('/');

    /// <summary>The running instances of a resource (one per replica), with their latest state.</summary>
    public IReadOnlyList<ResourceEvent> Instances(string resource) =>
        [.. instances.Values.Where(e => e.Resource.Name == resource).OrderBy(e => e.ResourceId, StringComparer.Ordinal)];

    /// <summary>Every database of the app, with a connection string to it.</summary>
    public async Task<IReadOnlyList<(string Database, string ConnectionString)>> DatabasesAsync()
    {
        var databases = new List<(string, string)>();
        foreach (var db in new[] { ResourceNames.DistributionDb, ResourceNames.CollectionDb, ResourceNames.AnalysisDb, ResourceNames.FollowUpDb, ResourceNames.WebDb })
            databases.Add((db, (await App.GetConnectionStringAsync(db))!));
        return databases;
    }

    /// <summary>Kills one instance's processes at once (SIGKILL), as a crash would; the AppHost is expected to start it again.</summary>
    public int Crash(string instanceId)
    {
        var pid = ProcessId(instanceId) ?? throw new InvalidOperationException($"{instanceId} has no process");
        ProcessTree.Kill(pid);
        return pid;
    }

    /// <summary>Waits until the instance runs again with another process and is healthy.</summary>
    public Task WaitForRestartAsync(string instanceId, int crashedPid, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Task.FromResult(instances.TryGetValue(instanceId, out var e) && ProcessId(instanceId) is { } pid && pid != crashedPid
                && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy),
            timeout ?? TimeSpan.FromMinutes(2), $"{instanceId} to run again and be healthy");

    int? ProcessId(string instanceId) =>
        instances.TryGetValue(instanceId, out var e) && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            && int.TryParse(value.ToString(), out var pid) ? pid : null;

    /// <summary>Logs the printed administrator in on the staff site and lands on the staff home page.</summary>
    public async Task LogInAsAdministratorAsync(Microsoft.Playwright.IPage page)
    {
        var web = Url(ResourceNames.Web);
        await page.GotoAsync($"{web}/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync("admin@medborgare.local");
        await page.GetByLabel("Lösenord").FillAsync(AdministratorPassword);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page).ToHaveURLAsync($"{web}/personal");
    }

    /// <summary>
    /// A year from 2030 on such that it and the <paramref name="consecutive"/> − 1 years before it have no survey in this app yet:
    /// the analysts' tests take theirs here, the residents' tests below 2030, so that tests sharing the app never collide.
    /// </summary>
    public async Task<int> UnusedYearAsync(int consecutive = 1)
    {
        using var distribution = StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var surveys = await distribution.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/surveys");
        var taken = surveys.EnumerateArray().Select(s => s.GetProperty("year").GetInt32()).ToHashSet();
        var free = Enumerable.Range(2030 + consecutive - 1, 71 - consecutive)
            .Where(y => Enumerable.Range(y - consecutive + 1, consecutive).All(year => !taken.Contains(year))).ToList();
        return free[Random.Shared.Next(free.Count)];
    }

    /// <summary>A client of one service as a staff member; each request carries a fresh token (they live 5 minutes, tests can run longer).</summary>
    public HttpClient StaffClient(string resource, params string[] roles) =>
        new(new FreshTokenHandler(SigningKey, roles) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(Url(resource)) };

    sealed class FreshTokenHandler(string signingKey, string[] roles) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffAuthentication.CreateToken(signingKey, "system-test", roles));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Runs alone: another whole app beside it would starve both on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeAppCollection : ICollectionFixture<WholeAppFixture>
{
    public const string Name = "whole app";
}
