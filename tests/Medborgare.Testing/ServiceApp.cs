using System.Net.Http.Headers;
using Medborgare.ServiceDefaults;
using Npgsql;
using Xunit;

namespace Medborgare.Testing;

/// <summary>
/// What every service's <c>&lt;Service&gt;App</c> fixture is: one service on a test server, on a database and a RabbitMQ
/// virtual host of its own, started once for a test class (an xunit class fixture). A test that needs an empty database
/// calls <see cref="ResetAsync"/>; a test that needs a host of its own (other settings, a broker it stops, a database it
/// migrated itself) starts one through the service's <c>StartOwnAsync</c> and disposes it.
/// </summary>
public abstract class ServiceApp<TEntryPoint>(string serviceName, string databaseName) : IAsyncLifetime, IAsyncDisposable
    where TEntryPoint : class
{
    string? truncate;
    bool disposed;

    public ServiceFactory<TEntryPoint> Factory { get; private set; } = null!;
    /// <summary>Configuration for the service, set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    /// <summary>A database to start on instead of a new one, set before it starts.</summary>
    public string? Database { get; set; }
    /// <summary>A broker (virtual host) to start on instead of a new one, set before it starts.</summary>
    public string? Broker { get; set; }

    public string DatabaseConnectionString => Factory.DatabaseConnectionString;
    public string BrokerConnectionString => Factory.BrokerConnectionString;
    public IServiceProvider Services => Factory.Services;
    /// <summary>How often the service has consumed each message, by MessageId.</summary>
    public ConsumeCounter Consumed => Factory.Consumed;

    public virtual async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        Factory = CreateFactory(serviceName, databaseName,
            Database ?? servers.NewDatabase(serviceName), Broker ?? await servers.NewVirtualHostAsync());
        foreach (var (key, value) in Settings) Factory.Settings[key] = value;
        await Factory.StartHealthyAsync();
    }

    /// <summary>The service's factory; override to configure the host further (logging, say).</summary>
    protected virtual ServiceFactory<TEntryPoint> CreateFactory(string service, string databaseKey, string database, string broker) =>
        new(service, databaseKey, database, broker);

    /// <summary>Stops the host and what the app started beside it, once (xunit and <c>await using</c> may both ask).</summary>
    public async Task DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await StopAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Stops the host (it may not have started); override to stop what the app started beside it.</summary>
    protected virtual async Task StopAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
    }

    public virtual HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>An HttpClient that calls as a staff member with the given roles.</summary>
    public HttpClient CreateStaffClient(params string[] roles) => CreateStaffClientFor("test-user", roles);

    /// <summary>An HttpClient that calls as the named staff member, with roles and (for a caseworker) committees.</summary>
    public HttpClient CreateStaffClientFor(string userName, string[] roles, params string[] committees)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            StaffAuthentication.CreateToken(ServiceFactory<TEntryPoint>.SigningKey, userName, roles, committees: committees));
        return client;
    }

    /// <summary>
    /// Empties every table the migrations made (their history stays), as a new database would be, once the work the previous
    /// test left in the outbox (and in <see cref="PendingWork"/>) has gone out: nothing of it reaches the next test's listeners.
    /// Much cheaper than a new database, which costs a host start and every migration.
    /// </summary>
    public virtual async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var sql in PendingWork.Prepend("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"))
        {
            await Eventually.TrueAsync(async () =>
            {
                await using var pending = new NpgsqlCommand(sql, connection);
                return (long)(await pending.ExecuteScalarAsync())! == 0;
            }, TimeSpan.FromSeconds(30), $"the previous test's work to leave ({sql})");
        }
        if (truncate is null)
        {
            await using var tables = new NpgsqlCommand("""
                SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables
                WHERE schemaname = 'public' AND tablename NOT ILIKE '%migrations%history%'
                """, connection);
            truncate = $"TRUNCATE {(string)(await tables.ExecuteScalarAsync())!} RESTART IDENTITY CASCADE";
        }
        // The truncation locks every table at once; a consumer still busy with the previous test's last redelivery can lock two
        // of them in the other order, and PostgreSQL then ends the truncation as a deadlock's victim, having changed nothing.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand(truncate, connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    /// <summary>Queries that count what the service still has to send; a reset waits until each says 0.</summary>
    protected virtual IEnumerable<string> PendingWork => [];

    /// <summary>Starts <paramref name="app"/> as a host of the test's own (the caller disposes it); disposed again if it fails to start.</summary>
    protected static async Task<TApp> StartOwnAsync<TApp>(TApp app, IReadOnlyDictionary<string, string>? settings, string? database, string? broker)
        where TApp : ServiceApp<TEntryPoint>
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) app.Settings[key] = value;
        app.Database = database;
        app.Broker = broker;
        try
        {
            await app.InitializeAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
