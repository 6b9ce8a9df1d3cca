using System.Text.Json;
using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Takes responses in batches: in one transaction, the batch's MessageIds go into the inbox (ON CONFLICT DO
/// NOTHING tells which are new), the new responses are stored, and their values are added to the per-cell
/// sufficient statistics with one statement. A redelivered message, or one that another replica already
/// took, changes nothing. Batching is what lets one PostgreSQL keep up with a thousand responses a second.
/// </summary>
public sealed class SurveyResponseBatchConsumer(AnalysisDbContext db, TimeProvider clock) : IConsumer<Batch<SurveyResponseSubmitted>>
{
    const string ConsumerName = nameof(SurveyResponseBatchConsumer);
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<Batch<SurveyResponseSubmitted>> context)
    {
        var ct = context.CancellationToken;
        var messages = context.Message
            .Where(m => m.MessageId is not null)
            .GroupBy(m => m.MessageId!.Value).Select(g => g.First())
            .ToDictionary(m => m.MessageId!.Value, m => m.Message);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        var fresh = await InsertReturningAsync(connection, """
            INSERT INTO inbox_messages (message_id, consumer, handled_at)
            SELECT id, @consumer, @now FROM unnest(@ids) AS id
            ON CONFLICT DO NOTHING RETURNING message_id
            """, messages.Keys.ToArray(), ct, ("consumer", ConsumerName), ("now", clock.GetUtcNow()));
        var responses = fresh.Select(id => messages[id]).GroupBy(r => r.ResponseId).Select(g => g.First()).ToList();
        if (responses.Count > 0)
        {
            var stored = (await InsertResponsesAsync(connection, responses, ct)).ToHashSet();
            await AddToStatisticsAsync(connection, responses.Where(r => stored.Contains(r.ResponseId)), ct);
        }
        await tx.CommitAsync(ct);
    }

    static async Task<List<Guid>> InsertReturningAsync(NpgsqlConnection connection, string sql, Guid[] ids, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        var result = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetGuid(0));
        return result;
    }

    static async Task<List<Guid>> InsertResponsesAsync(NpgsqlConnection connection, List<SurveyResponseSubmitted> responses, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO responses (response_id, survey_id, district, sex, age_group, channel, submitted_on, answers)
            SELECT * FROM unnest(@id, @survey, @district, @sex, @age, @channel, @day, @answers::jsonb[])
            ON CONFLICT (response_id) DO NOTHING RETURNING response_id
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = responses.Select(r => r.ResponseId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("survey", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = responses.Select(r => r.SurveyId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("district", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = responses.Select(r => r.Stratum.District).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sex", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = responses.Select(r => r.Stratum.Sex).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("age", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = responses.Select(r => r.Stratum.AgeGroup).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("channel", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = responses.Select(r => r.Channel.ToString()).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = responses.Select(r => r.SubmittedOn).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("answers", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = responses.Select(r => JsonSerializer.Serialize(r.Answers, Json)).ToArray(),
        });
        var stored = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) stored.Add(reader.GetGuid(0));
        return stored;
    }

    /// <summary>Sums the batch per (survey, cell, item) in memory, then adds the sums with one upsert.</summary>
    static async Task AddToStatisticsAsync(NpgsqlConnection connection, IEnumerable<SurveyResponseSubmitted> responses, CancellationToken ct)
    {
        var sums = new Dictionary<(Guid, string, string, string, string), (long N, double Sum, double Squares)>();
        void Add(SurveyResponseSubmitted r, string item, double value, bool isValue)
        {
            var key = (r.SurveyId, r.Stratum.District, r.Stratum.Sex, r.Stratum.AgeGroup, item);
            var s = sums.GetValueOrDefault(key);
            sums[key] = (s.N + 1, s.Sum + (isValue ? value : 0), s.Squares + (isValue ? value * value : 0));
        }
        foreach (var r in responses)
        {
            Add(r, CellItemStatistic.RespondentsKey, 0, isValue: false);
            foreach (var a in r.Answers.Where(a => a.Number is not null)) Add(r, a.QuestionKey, (double)a.Number!.Value, isValue: true);
        }
        if (sums.Count == 0) return;

        var rows = sums.ToList();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares)
            SELECT * FROM unnest(@survey, @district, @sex, @age, @item, @n, @sum, @squares)
            ON CONFLICT (survey_id, district, sex, age_group, item_key)
            DO UPDATE SET n = cell_item_statistics.n + excluded.n, sum = cell_item_statistics.sum + excluded.sum,
                          sum_of_squares = cell_item_statistics.sum_of_squares + excluded.sum_of_squares
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter("survey", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.Key.Item1).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("district", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Key.Item2).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sex", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Key.Item3).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("age", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Key.Item4).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("item", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Key.Item5).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Value.N).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sum", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Value.Sum).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("squares", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Value.Squares).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
