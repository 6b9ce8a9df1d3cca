using System.Buffers.Binary;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Infrastructure;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock per survey, between the batches that add to a survey's cell statistics (shared:
/// they do not hold each other up) and a rebuild that replaces them (exclusive): the rebuild waits until every batch in flight
/// for the survey has committed, so it reads every response they stored, and batches that come later wait until it has
/// committed, then add to the rebuilt rows. Advisory locks live in memory: they cost a batch no row writes.
/// </summary>
public static class SurveyStatisticsLock
{
    /// <summary>Takes the shared lock of each survey, in one fixed order.</summary>
    public static async Task ShareAsync(NpgsqlConnection connection, IEnumerable<Guid> surveyIds, CancellationToken ct)
    {
        var keys = surveyIds.Select(Key).Distinct().Order().ToArray();
        if (keys.Length == 0) return;
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared(k) FROM unnest(@keys) AS k", connection);
        cmd.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = keys });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Takes the exclusive lock of one survey, waiting for the batches that hold it shared.</summary>
    public static async Task TakeAsync(NpgsqlConnection connection, Guid surveyId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection);
        cmd.Parameters.AddWithValue("key", Key(surveyId));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Eight bytes of the (random) survey id: nothing else in this database takes advisory locks, and two surveys sharing a key
    /// would only wait for each other's rebuild.
    /// </summary>
    static long Key(Guid surveyId)
    {
        Span<byte> bytes = stackalloc byte[16];
        surveyId.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }
}
