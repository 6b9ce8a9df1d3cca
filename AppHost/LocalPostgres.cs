using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Medborgare.AppHost;

/// <summary>A PostgreSQL server run from the machine's own binaries (Debian's postgresql package), on loopback only.</summary>
public sealed class LocalPostgresResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "/bin/bash", workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public ParameterResource Password => password;
    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    // The host is a literal: the server listens on 127.0.0.1 only (the endpoint's host would say "localhost").
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}

/// <summary>One service's database on a <see cref="LocalPostgresResource"/>; created when the server is ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent => parent;
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}

public static class LocalPostgresExtensions
{
    /// <summary>
    /// The server with its data under <paramref name="stateDirectory"/>/postgres: <c>initdb</c> on the first start (a resource that
    /// runs once and is skipped when the data folder exists), then <c>postgres</c> itself on a port DCP chooses (kept across
    /// restarts), with a health check that logs in. As root both run as the <c>postgres</c> user, since PostgreSQL refuses root.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> password, string stateDirectory)
    {
        var bin = BinDirectory();
        var data = Path.Combine(stateDirectory, "postgres");
        var asPostgres = Environment.UserName == "root";
        Directory.CreateDirectory(stateDirectory);
        // initdb reads the password from a file: one of mode 0600 that lives as long as initdb runs.
        var init = builder.AddExecutable($"{name}-init", "/bin/bash", stateDirectory, "-c", $$"""
                set -eu
                if [ -f "$PGDATA/PG_VERSION" ]; then echo "The data folder exists: no initdb."; exit 0; fi
                mkdir -p "$PGDATA"; chmod 700 "$PGDATA"
                umask 077; pw="$(dirname "$PGDATA")/.initpw"; printf '%s' "$PGINIT_PASSWORD" > "$pw"; trap 'rm -f "$pw"' EXIT
                {{(asPostgres ? "chown postgres: \"$PGDATA\" \"$pw\"; chmod o+x \"$(dirname \"$PGDATA\")\"" : "true")}}
                {{(asPostgres ? "runuser -u postgres -- " : "")}}{{bin}}/initdb -D "$PGDATA" -U postgres --pwfile="$pw" --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8
                """)
            .WithEnvironment("PGDATA", data)
            .WithEnvironment("PGINIT_PASSWORD", password)
            .ExcludeFromManifest();

        var server = new LocalPostgresResource(name, stateDirectory, password.Resource);
        var check = $"{name}-login";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => LogInAsync(server, "postgres", ct));

        // DCP stops a process with SIGTERM, which PostgreSQL takes as a "smart" shutdown that waits for every client to leave
        // (the services' pooled connections): DCP would then kill it, and every restart would begin with crash recovery. The
        // wrapper turns SIGTERM into SIGINT, PostgreSQL's fast shutdown. setpriv execs postgres as the postgres user.
        string[] run = asPostgres ? ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", $"{bin}/postgres"] : [$"{bin}/postgres"];
        return builder.AddResource(server)
            .WithArgs(["-c", SigtermAsSigint, "postgres-wrapper", .. run, "-D", data, "-c", "listen_addresses=127.0.0.1",
                "-c", $"unix_socket_directories={data}", "-c", "max_connections=300", "-c", "shared_buffers=256MB"])
            // Not proxied: PostgreSQL binds the port itself (from PGPORT), and keeps it when it is started again after a crash.
            .WithEndpoint(name: LocalPostgresResource.EndpointName, env: "PGPORT", isProxied: false)
            .WithHealthCheck(check)
            .WaitForCompletion(init)
            .RestartOnCrash()
            .ExcludeFromManifest();
    }

    /// <summary>
    /// A database on the server, created (if missing) each time the server becomes ready. Aspire passes a parent's state on to its
    /// children only for containers, so the database's own state (and so WaitFor on it) is published here.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, ct) =>
        {
            await using var connection = new NpgsqlConnection(await server.Resource.ConnectionStringExpression.GetValueAsync(ct) + ";Database=postgres;Pooling=false");
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
                e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database).LogInformation("Created the database {Database}", name);
            }
            await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(database, s => s with
            {
                State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null,
            });
        });
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server.Resource, (e, _) =>
            e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(database, s => s with
            {
                State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow,
            }));
        var check = $"{name}-login";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => LogInAsync(server.Resource, name, ct));
        return builder.AddResource(database).WithHealthCheck(check).ExcludeFromManifest();
    }

    static async Task<HealthCheckResult> LogInAsync(LocalPostgresResource server, string database, CancellationToken ct)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct);
            await using var connection = new NpgsqlConnection($"{connectionString};Database={database};Pooling=false;Timeout=3");
            await connection.OpenAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    /// <summary>Runs "$@" and passes SIGTERM on as SIGINT; exits with its exit code.</summary>
    const string SigtermAsSigint = """
        trap 'kill -INT "$pid" 2>/dev/null' TERM INT
        "$@" & pid=$!
        wait "$pid"; rc=$?
        while kill -0 "$pid" 2>/dev/null; do wait "$pid"; rc=$?; done
        exit $rc
        """;

    static string BinDirectory()
    {
        const string debian = "/usr/lib/postgresql";
        return (Directory.Exists(debian) ? Directory.GetDirectories(debian) : [])
                   .Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                   .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
               ?? throw new InvalidOperationException("PostgreSQL's server binaries were not found. Install them with: apt-get install -y postgresql");
    }
}
