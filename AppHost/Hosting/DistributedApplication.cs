using System.Diagnostics;
using System.Runtime.InteropServices;
using Medborgare.ServiceDefaults;

namespace Medborgare.AppHost.Hosting;

/// <summary>Starts the resource graph in order, waits for health, prints the URLs, and stops it all cleanly.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    const string AdminCreatedMarker = "MEDBORGARE_ADMIN_CREATED";

    readonly DistributedApplicationBuilder builder;
    readonly AppHostOptions options;
    readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    string? adminPassword;
    bool adminCreated;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        this.builder = builder;
        options = builder.Options;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(AppHostOptions.Parse(args));

    public IReadOnlyList<ProjectResource> Projects => builder.Projects;
    public IReadOnlyList<RabbitMqResource> Brokers => builder.Brokers;
    public IReadOnlyList<PostgresResource> PostgresServers => builder.PostgresServers;
    public string SigningKey => builder.SigningKey;
    public AppHostOptions Options => options;
    public ProjectResource Project(string name) => builder.Projects.Single(p => p.Name == name);
    public TimeSpan StartupTime { get; private set; }

    readonly List<Func<DistributedApplication, CancellationToken, Task>> whenHealthy = [];

    /// <summary>Work to run once every resource is healthy and the URLs are printed (e.g. seeding the demo).</summary>
    public DistributedApplication WhenHealthy(Func<DistributedApplication, CancellationToken, Task> work)
    {
        whenHealthy.Add(work);
        return this;
    }

    /// <summary>The first administrator's password, when this run created that account; otherwise null.</summary>
    public string? CreatedAdministratorPassword => adminCreated ? adminPassword : null;

    /// <summary>Runs until Ctrl+C or SIGTERM. Returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var shutdown = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; shutdown.Cancel(); };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; shutdown.Cancel(); });
        try
        {
            await StartAsync(shutdown.Token);
            if (!options.ServersOnly) PrintSummary();
            foreach (var work in whenHealthy) await work(this, shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"\nThe AppHost could not start the app: {ex.Message}");
            return 1;
        }
        finally
        {
            options.Output.WriteLine("Stopping…");
            await StopAsync();
            options.Output.WriteLine("Stopped.");
        }
    }

    /// <summary>Starts servers, databases and projects and waits until every project reports healthy.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.StateDirectory);

        await Task.WhenAll(
            builder.PostgresServers.Where(p => p.ExistingConnectionString is null).Select(async p =>
            {
                p.Server = new PostgresServer(options.StateDirectory);
                await p.Server.StartAsync(ct);
                options.Output.WriteLine($"{p.Name,-12}| PostgreSQL on 127.0.0.1:{p.Server.Port} ({clock.Elapsed.TotalSeconds:0.0} s)");
            }).Concat(builder.Brokers.Where(b => b.ExistingConnectionString is null).Select(async b =>
            {
                b.Server = new RabbitMqServer(options.StateDirectory);
                await b.Server.StartAsync(ct);
                options.Output.WriteLine($"{b.Name,-12}| RabbitMQ on 127.0.0.1:{b.Server.AmqpPort} ({clock.Elapsed.TotalSeconds:0.0} s)");
            })));

        foreach (var postgres in builder.PostgresServers)
        {
            foreach (var db in postgres.Databases)
            {
                await EnsureDatabaseAsync(postgres, db.Name, ct);
            }
        }

        if (options.ServersOnly)
        {
            await WriteServersEnvFileAsync(ct);
            StartupTime = clock.Elapsed;
            return;
        }

        foreach (var project in builder.Projects) project.Port = Ports.Free(project.PreferredPort);
        foreach (var project in builder.Projects) StartProject(project);
        await Task.WhenAll(builder.Projects.Select(p => WaitHealthyAsync(p, ct)));
        StartupTime = clock.Elapsed;
    }

    /// <summary>The servers' addresses as shell exports, for the test command (mode 0600: it holds passwords).</summary>
    async Task WriteServersEnvFileAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        if (builder.PostgresServers.FirstOrDefault() is { } pg)
            lines.Add($"export MEDBORGARE_POSTGRES='{pg.ExistingConnectionString ?? pg.Server!.ConnectionString()}'");
        if (builder.Brokers.FirstOrDefault() is { } mq)
        {
            lines.Add($"export MEDBORGARE_RABBITMQ='{mq.ConnectionString}'");
            if (mq.ManagementUrl is not null) lines.Add($"export MEDBORGARE_RABBITMQ_MANAGEMENT='{mq.ManagementUrl}'");
        }
        var path = options.EnvFile ?? Path.Combine(options.StateDirectory, "servers.env");
        var temp = path + ".tmp";
        await File.WriteAllLinesAsync(temp, lines, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
        options.Output.WriteLine($"Servers are running; their addresses are in {path}. Press Ctrl+C to stop.");
    }

    static async Task EnsureDatabaseAsync(PostgresResource postgres, string name, CancellationToken ct)
    {
        if (postgres.Server is not null)
        {
            await postgres.Server.EnsureDatabaseAsync(name, ct);
            return;
        }
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ExistingConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    void StartProject(ProjectResource project)
    {
        var projectFile = Path.Combine(options.RepositoryRoot, project.ProjectFile);
        var projectDir = Path.GetDirectoryName(projectFile)!;
        var dll = Path.Combine(projectDir, "bin", options.BuildConfiguration, "net10.0", Path.GetFileNameWithoutExtension(projectFile) + ".dll");

        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = project.Url,
            ["ASPNETCORE_ENVIRONMENT"] = options.Environment,
            ["DOTNET_ENVIRONMENT"] = options.Environment,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["Auth__SigningKey"] = builder.SigningKey,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        if (options.OtlpEndpoint is not null) env["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.OtlpEndpoint;
        foreach (var (key, value) in options.ServiceEnvironment) env[key] = value;
        foreach (var reference in project.ConnectionReferences) env[$"ConnectionStrings__{reference.Name}"] = reference.ConnectionString;
        foreach (var service in project.ServiceReferences) env[$"services__{service.Name}__http__0"] = service.Url;
        foreach (var (key, value) in project.Environment) env[key] = value;

        string? stdin = null;
        if (project.BootstrapsAdmin)
        {
            adminPassword ??= Secrets.NewPassword(16) + "-9a";
            env["Bootstrap__ReadAdminPasswordFromStdin"] = "true";
            stdin = adminPassword;
        }

        var process = new ServiceProcess(project.Name, dll, projectDir, env, project.Color, options.Output, stdin);
        if (project.BootstrapsAdmin) process.LineWritten += line => { if (line.Contains(AdminCreatedMarker, StringComparison.Ordinal)) adminCreated = true; };
        project.Process = process;
        process.Start();
    }

    async Task WaitHealthyAsync(ProjectResource project, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var response = await http.GetAsync($"{project.Url}/health", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            if (deadline.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException($"{project.Name} did not become healthy within 120 s");
            await Task.Delay(250, ct);
        }
    }

    void PrintSummary()
    {
        var o = options.Output;
        var web = builder.Projects.FirstOrDefault(p => p.Name == ResourceNames.Web);
        o.WriteLine();
        o.WriteLine($"Medborgare is running (all healthy after {StartupTime.TotalSeconds:0.0} s). Press Ctrl+C to stop.");
        o.WriteLine();
        o.WriteLine($"  {"Resource",-26} URL");
        o.WriteLine($"  {new string('-', 26)} {new string('-', 50)}");
        if (web is not null)
        {
            o.WriteLine($"  {"Residents' site",-26} {web.Url}/");
            o.WriteLine($"  {"Staff site",-26} {web.Url}/personal");
        }
        foreach (var broker in builder.Brokers.Where(b => b.ManagementUrl is not null))
        {
            o.WriteLine($"  {"RabbitMQ management",-26} {broker.ManagementUrl}/  (user {broker.Server!.UserName}, password in {Path.Combine(options.StateDirectory, "rabbitmq.password")})");
        }
        foreach (var p in builder.Projects.Where(p => p.Name != ResourceNames.Web))
        {
            o.WriteLine($"  {p.Name + " OpenAPI",-26} {p.Url}/openapi/v1.json");
        }
        o.WriteLine();
        if (adminCreated)
        {
            o.WriteLine("  The first administrator was created. This password is shown once and stored nowhere else:");
            o.WriteLine($"    user: admin@medborgare.local   password: {adminPassword}");
        }
        else if (web is not null)
        {
            o.WriteLine("  Log in as admin@medborgare.local with the password printed when the app first started.");
        }
        o.WriteLine();
    }

    public async Task StopAsync()
    {
        await Task.WhenAll(builder.Projects.Where(p => p.Process is not null).Select(p => p.Process!.StopAsync()));
        await Task.WhenAll(
            builder.Brokers.Where(b => b.Server is not null).Select(b => b.Server!.StopAsync())
                .Concat(builder.PostgresServers.Where(p => p.Server is not null).Select(p => p.Server!.StopAsync())));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
    }
}
