using System.Net.Http.Json;
using System.Net.Http.Headers;
using Medborgare.AppHost;
using Medborgare.AppHost.Hosting;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

/// <summary>
/// The whole app as separate processes, started by the AppHost's own code, with PostgreSQL and RabbitMQ
/// servers of its own: exactly what <c>dotnet run --project AppHost</c> does, in a private state folder.
/// </summary>
public class WholeAppFixture : IAsyncLifetime
{
    readonly StringWriter log = new();

    public DistributedApplication App { get; private set; } = null!;
    public TextWriter Log { get; private set; } = TextWriter.Null;
    public string LogText => log.ToString();

    /// <summary>Every service's spans, exported over OTLP as to a collector.</summary>
    public OtlpReceiver Traces { get; private set; } = null!;

    /// <summary>Settings a fixture of its own gives every part, on top of the app's defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Log = TextWriter.Synchronized(log);
        Traces = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            // FollowUp compares key figures with the peers in its Kolada:Peers, as a configured municipality would.
            ["Kolada__Peers__0"] = PoliticianScenario.Peer,
        };
        foreach (var (key, value) in Settings) environment[key] = value;
        var options = AppHostOptions.Parse([]) with
        {
            StateDirectory = Path.Combine(AppHostOptions.FindRepositoryRoot(), ".medborgare", "test", $"system-{Guid.NewGuid():N}"[..20]),
            ExistingPostgres = null,
            ExistingRabbitMq = null,
            // Any free port: two whole apps started at once (two test runs) must never share a web port.
            WebPort = 0,
            Output = Log,
            OtlpEndpoint = Traces.Endpoint,
            ServiceEnvironment = environment,
        };
        var builder = new DistributedApplicationBuilder(options);
        builder.AddMedborgare();
        App = builder.Build();
        // Generous: on a loaded 2-core machine migrations and first JIT take far longer than the usual 20 s.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await App.StartAsync(timeout.Token);
        }
        catch
        {
            await App.DisposeAsync();
            await Traces.DisposeAsync();
            throw new InvalidOperationException("The app did not start. Its log:\n" + LogText);
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Traces.DisposeAsync();
    }

    public string Url(string resource) => App.Project(resource).Url;

    /// <summary>Every database of the app, with a connection string to it.</summary>
    public IReadOnlyList<(string Database, string ConnectionString)> Databases() =>
        [.. new[] { ResourceNames.DistributionDb, ResourceNames.CollectionDb, ResourceNames.AnalysisDb, ResourceNames.FollowUpDb, ResourceNames.WebDb }
            .Select(db => (db, App.PostgresServers[0].RunningServer!.ConnectionString(db)))];

    /// <summary>Logs the printed administrator in on the staff site and lands on the staff home page.</summary>
    public async Task LogInAsAdministratorAsync(Microsoft.Playwright.IPage page)
    {
        var web = Url(ResourceNames.Web);
        await page.GotoAsync($"{web}/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync("admin@medborgare.local");
        await page.GetByLabel("Lösenord").FillAsync(App.CreatedAdministratorPassword!);
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
        new(new FreshTokenHandler(App.SigningKey, roles) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri(Url(resource)) };

    sealed class FreshTokenHandler(string signingKey, string[] roles) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffAuthentication.CreateToken(signingKey, "system-test", roles));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WholeAppCollection : ICollectionFixture<WholeAppFixture>
{
    public const string Name = "whole app";
}
