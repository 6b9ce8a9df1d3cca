using System.Diagnostics;
using Medborgare.ServiceDefaults;
using Npgsql;

namespace Medborgare.LoadTool;

/// <summary>
/// Synthetic filler for the cost-vs-size benchmark (DESIGN §9: submit cost at 1,000,000 stored submissions = at 10,000): N used
/// invitations with their submission marks, written straight into collectiondb's tables, since a million submits through HTTP
/// would take the better part of an hour. They belong to a survey id that Collection does not know (so no code can reach them and
/// no release round or sweep touches them: their pending columns are empty, as for a response already sent), with random code
/// hashes, ids and submission keys, so that the tables and their indexes have the size and shape a full survey gives them. Then
/// VACUUM ANALYZE (the planner's statistics, and no insert-triggered autovacuum in the middle of the measured phase) and a
/// CHECKPOINT (the filler's dirty pages are not written out during it).
/// </summary>
static class Preload
{
    const int Batch = 50_000;

    public static async Task<(long StoredSubmissions, TimeSpan Took)> RunAsync(BenchApp app, int count)
    {
        var took = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(ResourceNames.CollectionDb) + ";Pooling=false;Command Timeout=600");
        await connection.OpenAsync();
        var fillerSurvey = Guid.NewGuid();
        var validUntil = new DateOnly(DateTime.UtcNow.Year + 1, 12, 31);
        var submittedOn = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var done = 0; done < count; done += Batch)
        {
            await using var insert = new NpgsqlCommand("""
                WITH filler AS (
                    INSERT INTO invitations (id, survey_id, code_hash, district, sex, age_group, valid_until)
                    SELECT gen_random_uuid(), @survey, encode(sha256(uuid_send(gen_random_uuid())), 'hex'), 'Fyllnad',
                           CASE WHEN n % 2 = 0 THEN 'K' ELSE 'M' END, '35-44', @valid
                    FROM generate_series(1, @n) AS n
                    RETURNING id)
                INSERT INTO submissions (invitation_id, receipt_number, submission_key, submitted_on)
                SELECT id, 'M-' || upper(substr(md5(random()::text), 1, 8)), gen_random_uuid(), @day FROM filler
                """, connection);
            insert.Parameters.AddWithValue("survey", fillerSurvey);
            insert.Parameters.AddWithValue("valid", validUntil);
            insert.Parameters.AddWithValue("day", submittedOn);
            insert.Parameters.AddWithValue("n", Math.Min(Batch, count - done));
            await insert.ExecuteNonQueryAsync();
            if ((done / Batch) % 4 == 3) Console.WriteLine($"  preloaded {done + Batch:N0} of {count:N0}…");
        }
        foreach (var sql in new[] { "VACUUM (ANALYZE) invitations", "VACUUM (ANALYZE) submissions", "CHECKPOINT" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
        return (await StoredSubmissionsAsync(app), took.Elapsed);
    }

    public static async Task<long> StoredSubmissionsAsync(BenchApp app)
    {
        await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(ResourceNames.CollectionDb) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM submissions", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
