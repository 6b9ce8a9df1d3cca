using Medborgare.Analysis.Infrastructure;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Medborgare.Analysis.Tests;

/// <summary>Schema changes that move data, run against a real PostgreSQL database holding rows of the version before.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Share_rows_of_the_earlier_schema_move_onto_their_item_rows_and_back()
    {
        var connectionString = (await TestServers.GetAsync()).NewDatabase("analysis");
        await using var db = new AnalysisDbContext(new DbContextOptionsBuilder<AnalysisDbContext>()
            .UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("QuarantinedMessages");
        var survey = Guid.NewGuid();
        // One cell: q1 answered 8 and 6 (one high, one middle, no low), the index NMI, and the respondents row.
        await ExecuteAsync(connectionString, $"""
            INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares) VALUES
              ('{survey}', 'Norra', 'M', '25-34', '', 2, 0, 0),
              ('{survey}', 'Norra', 'M', '25-34', 'q1', 2, 14, 100),
              ('{survey}', 'Norra', 'M', '25-34', 'q1:low', 2, 0, 0),
              ('{survey}', 'Norra', 'M', '25-34', 'q1:middle', 2, 1, 1),
              ('{survey}', 'Norra', 'M', '25-34', 'q1:high', 2, 1, 1),
              ('{survey}', 'Norra', 'M', '25-34', 'NMI', 2, 14, 100)
            """);

        await migrator.MigrateAsync();

        var rows = await db.CellItemStatistics.AsNoTracking().OrderBy(r => r.ItemKey).ToListAsync();
        Assert.Equal(["", "NMI", "q1"], rows.Select(r => r.ItemKey));
        var q1 = rows.Single(r => r.ItemKey == "q1");
        Assert.Equal((2L, 14d, 100d, 0L, 1L, 1L), (q1.N, q1.Sum, q1.SumOfSquares, q1.LowCount, q1.MiddleCount, q1.HighCount));
        Assert.All(rows.Where(r => r.ItemKey != "q1"), r => Assert.Equal((0L, 0L, 0L), (r.LowCount, r.MiddleCount, r.HighCount)));

        await migrator.MigrateAsync("QuarantinedMessages");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT item_key, n, sum, sum_of_squares FROM cell_item_statistics ORDER BY item_key", connection);
        var back = new List<(string, long, double, double)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) back.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));
        Assert.Equal([("", 2L, 0d, 0d), ("NMI", 2, 14, 100), ("q1", 2, 14, 100), ("q1:high", 2, 1, 1), ("q1:low", 2, 0, 0), ("q1:middle", 2, 1, 1)], back);
    }

    static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
