using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Testing;

/// <summary>
/// PostgreSQL and RabbitMQ started by the AppHost's own resources (<c>--servers-only</c>) on Aspire's testing host, in a state
/// folder of their own: the same servers that <c>./run.sh</c> and <c>./test.sh</c> run. Disposing stops them.
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    readonly DistributedApplication app;

    LocalServers(DistributedApplication app, string postgres, string broker, string management)
    {
        this.app = app;
        PostgresConnectionString = postgres;
        BrokerConnectionString = broker;
        BrokerManagementUrl = management;
    }

    public string PostgresConnectionString { get; }
    public string BrokerConnectionString { get; }
    public string BrokerManagementUrl { get; }

    public static async Task<LocalServers> StartAsync(string stateDirectory)
    {
        // The AppHost runs Debian's server binaries.
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The test servers run on Linux only.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Medborgare_AppHost>(
            ["--servers-only", "--state-dir", stateDirectory, "--env-file", Path.Combine(stateDirectory, "servers.env")], timeout.Token);
        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", timeout.Token);
            return new LocalServers(app,
                (await app.GetConnectionStringAsync("postgres", timeout.Token))!,
                (await app.GetConnectionStringAsync("messaging", timeout.Token))!,
                app.GetEndpoint("messaging", "management").ToString().TrimEnd('/'));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker as an operator would (the AppHost does not start it again by itself).</summary>
    public Task StopBrokerAsync() => CommandAsync("messaging", KnownResourceCommands.StopCommand);

    /// <summary>Starts the broker again, on the same port and data, and waits until it is healthy.</summary>
    public async Task StartBrokerAsync()
    {
        await CommandAsync("messaging", KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", timeout.Token);
    }

    async Task CommandAsync(string resource, string command)
    {
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(
            app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource), command);
        if (!result.Success) throw new InvalidOperationException($"{command} {resource}: {result.Message}");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await app.StopAsync(timeout.Token); } catch (OperationCanceledException) { }
        await app.DisposeAsync();
    }
}
