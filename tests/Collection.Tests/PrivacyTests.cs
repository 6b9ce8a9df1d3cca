using Medborgare.Collection.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Medborgare.Collection.Tests;

/// <summary>The schema itself cannot join a response to a code: checked in the real database, not in the model.</summary>
public sealed class PrivacyTests : IAsyncLifetime
{
    CollectionHarness harness = null!;

    public async Task InitializeAsync() => harness = await CollectionHarness.StartAsync(codes: 1);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task No_table_or_column_joins_a_response_to_a_code_or_its_hash()
    {
        await using var connection = new NpgsqlConnection(harness.DatabaseConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var cmd = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        var responseColumns = columns.Where(c => c.Table == "responses").Select(c => c.Column).ToList();

        Assert.NotEmpty(responseColumns);
        Assert.DoesNotContain(responseColumns, c => c.Contains("code") || c.Contains("hash") || c.Contains("invitation") || c.Contains("receipt")
                                                    || c.Contains("key") || c.EndsWith("_at"));
        // A table holding a response id next to anything code-related would be a link.
        var linkTables = columns.GroupBy(c => c.Table)
            .Where(t => t.Any(c => c.Column.Contains("response")) && t.Any(c => c.Column.Contains("code") || c.Column.Contains("invitation")))
            .Select(t => t.Key).ToList();
        Assert.Empty(linkTables);

        await using var fk = new NpgsqlCommand("""
            SELECT count(*) FROM information_schema.table_constraints
            WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('responses', 'submissions', 'drafts', 'invitations')
            """, connection);
        Assert.Equal(0L, (long)(await fk.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Response_ids_are_random_not_time_ordered()
    {
        using var scope = harness.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<CollectionDbContext>().Model;
        var id = model.FindEntityType(typeof(Model.Response))!.FindPrimaryKey()!.Properties.Single();

        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, id.ValueGenerated);
        // The ids the service creates are version 4 (random), never version 7 (time-ordered) or a sequence.
        var ids = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        Assert.All(ids, g => Assert.Equal(4, g.Version));
    }
}
