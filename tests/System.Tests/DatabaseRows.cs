using Npgsql;

namespace Medborgare.SystemTests;

/// <summary>The exact number of rows in every table of the given databases, as "database.table" → count.</summary>
public static class DatabaseRows
{
    public static async Task<SortedDictionary<string, long>> CountAsync(IEnumerable<(string Database, string ConnectionString)> databases)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (database, connectionString) in databases)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                var quoted = string.Join('.', table.Split('.').Select(part => $"\"{part}\""));
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {quoted}", connection);
                counts[$"{database}.{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }
        return counts;
    }
}
