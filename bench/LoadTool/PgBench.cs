using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Npgsql;

namespace Medborgare.LoadTool;

/// <summary>
/// PostgreSQL's bare one-row insert ceiling on the app's own server, in the same run (DESIGN §9 compares ingest with it): pgbench
/// with a one-line script (<c>INSERT INTO t(v) VALUES (random())</c> on a one-column table), 4 clients, 2 threads, 20 s, no vacuum,
/// in a scratch database that is dropped afterwards.
/// </summary>
static partial class PgBench
{
    const string Scratch = "loadtool_pgbench";

    public sealed record Result(double? Tps, string Command, string? Skipped);

    public static async Task<Result> RunAsync(BenchApp app, string stateDirectory)
    {
        if (Binary() is not { } pgbench) return new Result(null, "", "pgbench was not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)");
        var server = new NpgsqlConnectionStringBuilder(await app.ConnectionStringAsync(ResourceNames.Postgres));
        await ExecuteAsync(server, "postgres", $"DROP DATABASE IF EXISTS {Scratch} WITH (FORCE)", $"CREATE DATABASE {Scratch}");
        await ExecuteAsync(server, Scratch, "CREATE TABLE t (v double precision)");
        var script = Path.Combine(stateDirectory, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO t(v) VALUES (random());\n");
        string[] args = ["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!,
            "-c", "4", "-j", "2", "-T", "20", "-n", "-f", script, Scratch];
        var command = $"{pgbench} {string.Join(' ', args)}";
        try
        {
            var psi = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["PGPASSWORD"] = server.Password;
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                return new Result(null, command, "pgbench did not finish within 90 s");
            }
            var text = await output;
            await File.WriteAllTextAsync(Path.Combine(stateDirectory, "pgbench.txt"), text + await errors);
            var tps = TpsLine().Match(text);
            return tps.Success
                ? new Result(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), command, null)
                : new Result(null, command, $"pgbench exited {process.ExitCode} without a tps line (see pgbench.txt)");
        }
        finally
        {
            await ExecuteAsync(server, "postgres", $"DROP DATABASE IF EXISTS {Scratch} WITH (FORCE)");
        }
    }

    /// <summary>The newest installed server version's pgbench.</summary>
    static string? Binary()
    {
        const string debian = "/usr/lib/postgresql";
        return (Directory.Exists(debian) ? Directory.GetDirectories(debian) : [])
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists);
    }

    static async Task ExecuteAsync(NpgsqlConnectionStringBuilder server, string database, params string[] statements)
    {
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = false };
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
