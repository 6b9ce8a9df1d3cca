using Npgsql;

namespace Medborgare.AppHost.Hosting;

/// <summary>
/// A private PostgreSQL server from the machine's own binaries: its data folder under the state folder,
/// listening on 127.0.0.1 only, with a generated superuser password. As root it runs as the
/// <c>postgres</c> user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer(string stateDirectory, int port = 0) : IAsyncDisposable
{
    const string InstallHint = "PostgreSQL's server binaries (initdb, pg_ctl) were not found. Install them with: apt-get install -y postgresql";
    const string SystemUser = "postgres";

    readonly string dataDirectory = Path.Combine(stateDirectory, "postgres");
    bool started;

    public int Port { get; private set; } = port;
    public string Password { get; private set; } = "";

    public string ConnectionString(string? database = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = Password,
            Database = database ?? "postgres",
            MaxPoolSize = 50,
        }.ConnectionString;

    public async Task StartAsync(CancellationToken ct)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(InstallHint);
        var runAs = Native.IsRoot ? SystemUser : null;
        Directory.CreateDirectory(stateDirectory);
        Password = Secrets.ReadOrCreate(Path.Combine(stateDirectory, "postgres.password"), () => Secrets.NewPassword());

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitAsync(bin, runAs, ct);
        }

        // A server left running by an AppHost that was killed: stop it before starting ours.
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            try { await Exec.RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w"], ct, runAsUser: runAs); }
            catch (InvalidOperationException) { /* not running: the pid file was stale */ }
        }

        if (Port == 0) Port = Ports.Free();
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='{dataDirectory}' " +
                      "-c max_connections=300 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on";
        await Exec.RunAsync(Path.Combine(bin, "pg_ctl"),
            ["start", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "-o", options], ct, runAsUser: runAs);
        started = true;
    }

    async Task InitAsync(string bin, string? runAs, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        // initdb wants an empty folder, so the one-time password file sits beside it.
        var passwordFile = Path.Combine(stateDirectory, "postgres.initpw");
        await File.WriteAllTextAsync(passwordFile, Password, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (runAs is not null)
        {
            // The data folder belongs to the postgres user; the folders above it must let it through.
            await Exec.RunAsync("chown", ["-R", $"{SystemUser}:", dataDirectory, passwordFile], ct);
            await Exec.RunAsync("chmod", ["o+x", stateDirectory], ct);
        }
        try
        {
            await Exec.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"],
                ct, runAsUser: runAs);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Creates a database unless it exists. Services migrate their own schema.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task StopAsync()
    {
        if (!started) return;
        started = false;
        var bin = FindBinDirectory()!;
        await Exec.RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "fast", "-w"], CancellationToken.None,
            runAsUser: Native.IsRoot ? SystemUser : null);
    }

    /// <summary>
    /// Stops the server as a crash would (immediate shutdown: no checkpoint, recovery from the WAL at the next start) for
    /// failure tests. <see cref="StartAsync"/> brings it back on the same port.
    /// </summary>
    public async Task CrashAsync()
    {
        if (!started) return;
        started = false;
        await Exec.RunAsync(Path.Combine(FindBinDirectory()!, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "immediate", "-w"], CancellationToken.None,
            runAsUser: Native.IsRoot ? SystemUser : null);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    static string? FindBinDirectory()
    {
        var fromPath = Environment.GetEnvironmentVariable("PATH")?.Split(':')
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (fromPath is not null) return fromPath;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
