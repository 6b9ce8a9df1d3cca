using Medborgare.ServiceDefaults;
using Npgsql;

namespace Medborgare.LoadTool;

/// <summary>
/// Rows written in the app's databases, from PostgreSQL's own counters: n_tup_ins + n_tup_upd + n_tup_del per table of
/// pg_stat_user_tables, as "database.table" → count. Backends report their counts a moment after their transactions (at most about
/// once a second, and within seconds once idle), so a snapshot is taken when two readings a second apart agree.
/// </summary>
static class RowWrites
{
    public static readonly string[] Databases =
        [ResourceNames.DistributionDb, ResourceNames.CollectionDb, ResourceNames.AnalysisDb, ResourceNames.FollowUpDb, ResourceNames.WebDb];

    public static async Task<Dictionary<string, long>> SettledSnapshotAsync(BenchApp app, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var previous = await SnapshotAsync(app);
        while (waited.Elapsed < limit)
        {
            await Task.Delay(1000);
            var next = await SnapshotAsync(app);
            if (next.Count == previous.Count && next.All(kv => previous.TryGetValue(kv.Key, out var v) && v == kv.Value)) return next;
            previous = next;
        }
        return previous;
    }

    public static async Task<Dictionary<string, long>> SnapshotAsync(BenchApp app)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(database) + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT schemaname || '.' || relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[$"{database}.{reader.GetString(0)}"] = reader.GetInt64(1);
        }
        return rows;
    }

    /// <summary>after − before per table, the tables that were written only.</summary>
    public static Dictionary<string, long> Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key))).Where(kv => kv.Value != 0)
            .OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}
