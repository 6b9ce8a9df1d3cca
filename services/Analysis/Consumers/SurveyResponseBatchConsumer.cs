using System.Runtime.ExceptionServices;
using System.Text.Json;
using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Analysis.Results;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Takes responses in batches: in one transaction, the batch's MessageIds go into the inbox (ON CONFLICT DO
/// NOTHING tells which are new), the new responses are stored, and their values are added to the per-cell
/// sufficient statistics of every kernel variable (items, shares, factors, overall indices, priority-matrix
/// pairs) with one statement per table. A redelivered message, or one that another replica already
/// took, changes nothing. Batching is what lets one PostgreSQL keep up with a thousand responses a second. Published results
/// that the analyst asked to keep current are republished in the same transaction. A message that breaks the batch is found
/// by counting the batch's messages one at a time, and quarantined with its error; the rest are counted.
/// </summary>
public sealed class SurveyResponseBatchConsumer(AnalysisDbContext db, SurveyDefinitions definitions, ResultsPublisher publisher,
    TimeProvider clock, ILogger<SurveyResponseBatchConsumer> logger) : IConsumer<Batch<SurveyResponseSubmitted>>
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
        try
        {
            await CountAsync(messages, ct);
        }
        catch (Exception ex) when (!TransientFailure.IsDatabase(ex) && !ct.IsCancellationRequested)
        {
            // One message the batch cannot take must neither hold back the others nor take them to the error queue with it.
            logger.LogWarning(ex, "A batch of {Count} responses could not be counted; counting them one at a time", messages.Count);
            await CountOneAtATimeAsync(messages, ct);
        }
    }

    /// <summary>
    /// Each message in its own transaction. One that must wait (its survey is not known yet, or the database went away) is
    /// thrown for again once the others are counted, so the retry finds only it new (the inbox knows the rest). One that
    /// fails while others of the batch go through breaks a rule of the data, and is quarantined. When every message fails
    /// alike the fault is not theirs: the batch is thrown for as a whole, and retried (and in the end sent to the error queue).
    /// </summary>
    async Task CountOneAtATimeAsync(Dictionary<Guid, SurveyResponseSubmitted> messages, CancellationToken ct)
    {
        Exception? mustWait = null;
        var broken = new List<(Guid Id, SurveyResponseSubmitted Message, Exception Error)>();
        var counted = 0;
        foreach (var (id, message) in messages)
        {
            try
            {
                await CountAsync(new() { [id] = message }, ct);
                counted++;
            }
            catch (Exception ex) when (ex is SurveyNotKnownYetException || TransientFailure.IsDatabase(ex) || ct.IsCancellationRequested)
            {
                mustWait ??= ex;
            }
            catch (Exception ex)
            {
                db.ChangeTracker.Clear();
                broken.Add((id, message, ex));
            }
        }
        if (broken.Count > 0 && counted == 0 && mustWait is null) ExceptionDispatchInfo.Throw(broken[0].Error);
        foreach (var (id, message, error) in broken) await QuarantineAsync(id, message, error, ct);
        if (mustWait is not null) ExceptionDispatchInfo.Throw(mustWait);
    }

    async Task QuarantineAsync(Guid messageId, SurveyResponseSubmitted message, Exception error, CancellationToken ct)
    {
        logger.LogError(error, "Response message {MessageId} for survey {SurveyId} cannot be counted and was quarantined",
            messageId, message.SurveyId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand("""
            WITH inbox AS (
                INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@id, @consumer, @now) ON CONFLICT DO NOTHING)
            INSERT INTO quarantined_messages (message_id, consumer, message_type, body, error, quarantined_at)
            VALUES (@id, @consumer, @type, @body::jsonb, @error, @now) ON CONFLICT DO NOTHING
            """, connection);
        cmd.Parameters.AddWithValue("id", messageId);
        cmd.Parameters.AddWithValue("consumer", ConsumerName);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("type", nameof(SurveyResponseSubmitted));
        cmd.Parameters.AddWithValue("body", JsonSerializer.Serialize(message, Json));
        cmd.Parameters.AddWithValue("error", $"{error.GetType().Name}: {error.GetBaseException().Message}");
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Counts the messages in one transaction: all of them, or (when it throws) none.</summary>
    async Task CountAsync(Dictionary<Guid, SurveyResponseSubmitted> messages, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var keptCurrent = await LockKeptCurrentSurveysAsync(connection, messages.Values.Select(m => m.SurveyId).Distinct().ToArray(), ct);

        var fresh = await InsertReturningAsync(connection, """
            INSERT INTO inbox_messages (message_id, consumer, handled_at)
            SELECT id, @consumer, @now FROM unnest(@ids) AS id
            ON CONFLICT DO NOTHING RETURNING message_id
            """, messages.Keys.ToArray(), ct, ("consumer", ConsumerName), ("now", clock.GetUtcNow()));
        var responses = fresh.Select(id => messages[id]).GroupBy(r => r.ResponseId).Select(g => g.First()).ToList();
        if (responses.Count > 0)
        {
            var stored = (await InsertResponsesAsync(connection, responses, ct)).ToHashSet();
            var counted = responses.Where(r => stored.Contains(r.ResponseId)).ToList();
            await AddToStatisticsAsync(connection, counted, ct);
            await KeepPublishedResultsCurrentAsync(counted.Select(r => r.SurveyId).Distinct().Where(keptCurrent.Contains), ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The surveys among <paramref name="ids"/> whose published results are kept current, locked until this batch commits.
    /// Batches for such a survey then take turns, so each republication is computed after the batch before it committed:
    /// two batches side by side would each count only their own new answers, and the last publication would miss some.
    /// </summary>
    static async Task<HashSet<Guid>> LockKeptCurrentSurveysAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT survey_id FROM surveys
            WHERE survey_id = ANY(@ids) AND keep_published_current AND results_published_at IS NOT NULL AND closed_at IS NULL
            ORDER BY survey_id FOR UPDATE
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids });
        var locked = new HashSet<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) locked.Add(reader.GetGuid(0));
        return locked;
    }

    /// <summary>
    /// Where the analyst published with "keep current" and the survey is still open, the new answers republish the year's
    /// results in this same transaction (and so in the answer's trace). A year that cannot be published now (say, calibration
    /// no longer converges) keeps its last published figures: the answers are still counted, and the analyst sees why.
    /// </summary>
    async Task KeepPublishedResultsCurrentAsync(IEnumerable<Guid> live, CancellationToken ct)
    {
        foreach (var surveyId in live)
        {
            var outcome = await publisher.PublishAsync(surveyId, keepCurrent: null, ct);
            if (outcome.Refusal != PublishRefusal.None)
                logger.LogWarning("The published results of survey {SurveyId} were not updated: {Refusal} {Detail}", surveyId, outcome.Refusal, outcome.Detail);
        }
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

    /// <summary>
    /// Derives every kernel variable (items, shares, factors, overall indices) of each response with the survey's
    /// model, sums them per (survey, cell, variable) and per (survey, cell, factor–overall pair) in memory, then adds
    /// the sums with one upsert per table. Shares are counted on their item's row.
    /// </summary>
    async Task AddToStatisticsAsync(NpgsqlConnection connection, IEnumerable<SurveyResponseSubmitted> responses, CancellationToken ct)
    {
        var perSurvey = new Dictionary<Guid, CellAggregates>();
        foreach (var r in responses)
        {
            if (!perSurvey.TryGetValue(r.SurveyId, out var aggregates))
            {
                // Unknown survey: SurveyPublished has not arrived yet. Throwing rolls the batch back and the retry waits for it.
                var definition = await definitions.FindAsync(db, r.SurveyId, ct) ?? throw new SurveyNotKnownYetException(r.SurveyId);
                perSurvey[r.SurveyId] = aggregates = new CellAggregates(definition.Model);
            }
            aggregates.Add(r.Stratum.ToCell(), aggregates.Model.ToAnswerVector(r.Answers));
        }

        var items = new List<ItemRow>();
        var pairs = new List<(Guid Survey, Cell Cell, string Factor, string Overall, long N, double X, double Y, double XX, double XY, double YY)>();
        foreach (var (surveyId, aggregates) in perSurvey)
        {
            var model = aggregates.Model;
            var bands = CellItemStatistic.ShareVariables(model);
            foreach (var (cell, s) in aggregates.Cells)
            {
                items.Add(new(surveyId, cell, CellItemStatistic.RespondentsKey, s.Respondents, 0, 0, 0, 0, 0));
                for (var v = 0; v < model.Variables.Count; v++)
                {
                    if (s.N[v] == 0 || model.Variables[v].Kind == VariableKind.Share) continue;
                    var (low, middle, high) = bands[v] is { } b ? ((long)s.Sum[b.Low], (long)s.Sum[b.Middle], (long)s.Sum[b.High]) : (0L, 0L, 0L);
                    items.Add(new(surveyId, cell, model.Variables[v].Key, s.N[v], s.Sum[v], s.SumOfSquares[v], low, middle, high));
                }
                for (var p = 0; p < model.Pairs.Count; p++)
                    if (s.PairN[p] > 0)
                        pairs.Add((surveyId, cell, model.Variables[model.Pairs[p].Factor].Key, model.Variables[model.Pairs[p].Overall].Key,
                            s.PairN[p], s.PairSumX[p], s.PairSumY[p], s.PairSumXX[p], s.PairSumXY[p], s.PairSumYY[p]));
            }
        }
        // Concurrent batches upsert overlapping rows. Locking them in one fixed order means they wait for each other
        // instead of deadlocking (which costs PostgreSQL's deadlock_timeout and a retry each time).
        items = [.. InLockOrder(items, r => (r.Survey, r.Cell)).ThenBy(r => r.Key, StringComparer.Ordinal)];
        pairs = [.. InLockOrder(pairs, r => (r.Survey, r.Cell)).ThenBy(r => r.Factor, StringComparer.Ordinal).ThenBy(r => r.Overall, StringComparer.Ordinal)];
        if (items.Count > 0) await UpsertItemsAsync(connection, items, ct);
        if (pairs.Count > 0) await UpsertPairsAsync(connection, pairs, ct);
    }

    /// <summary>One row of <c>cell_item_statistics</c> to add: an item's share counts ride on its row (see <see cref="CellItemStatistic"/>).</summary>
    readonly record struct ItemRow(Guid Survey, Cell Cell, string Key, long N, double Sum, double Squares, long Low, long Middle, long High);

    static async Task UpsertItemsAsync(NpgsqlConnection connection, List<ItemRow> rows, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares, low_count, middle_count, high_count)
            SELECT * FROM unnest(@survey, @district, @sex, @age, @item, @n, @sum, @squares, @low, @middle, @high)
            ON CONFLICT (survey_id, district, sex, age_group, item_key)
            DO UPDATE SET n = cell_item_statistics.n + excluded.n, sum = cell_item_statistics.sum + excluded.sum,
                          sum_of_squares = cell_item_statistics.sum_of_squares + excluded.sum_of_squares,
                          low_count = cell_item_statistics.low_count + excluded.low_count,
                          middle_count = cell_item_statistics.middle_count + excluded.middle_count,
                          high_count = cell_item_statistics.high_count + excluded.high_count
            """, connection);
        AddCellParameters(cmd, rows.Select(r => (r.Survey, r.Cell)).ToList());
        cmd.Parameters.Add(new NpgsqlParameter("item", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Key).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.N).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sum", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Sum).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("squares", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Squares).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("low", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Low).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("middle", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Middle).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("high", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.High).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task UpsertPairsAsync(NpgsqlConnection connection,
        List<(Guid Survey, Cell Cell, string Factor, string Overall, long N, double X, double Y, double XX, double XY, double YY)> rows, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO cell_pair_statistics (survey_id, district, sex, age_group, factor_key, overall_key, n, sum_x, sum_y, sum_xx, sum_xy, sum_yy)
            SELECT * FROM unnest(@survey, @district, @sex, @age, @factor, @overall, @n, @x, @y, @xx, @xy, @yy)
            ON CONFLICT (survey_id, district, sex, age_group, factor_key, overall_key)
            DO UPDATE SET n = cell_pair_statistics.n + excluded.n, sum_x = cell_pair_statistics.sum_x + excluded.sum_x,
                          sum_y = cell_pair_statistics.sum_y + excluded.sum_y, sum_xx = cell_pair_statistics.sum_xx + excluded.sum_xx,
                          sum_xy = cell_pair_statistics.sum_xy + excluded.sum_xy, sum_yy = cell_pair_statistics.sum_yy + excluded.sum_yy
            """, connection);
        AddCellParameters(cmd, rows.Select(r => (r.Survey, r.Cell)).ToList());
        cmd.Parameters.Add(new NpgsqlParameter("factor", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Factor).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("overall", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Overall).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("n", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.N).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.X).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("y", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.Y).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("xx", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.XX).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("xy", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.XY).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("yy", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = rows.Select(r => r.YY).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static IOrderedEnumerable<T> InLockOrder<T>(IEnumerable<T> rows, Func<T, (Guid Survey, Cell Cell)> cell) => rows
        .OrderBy(r => cell(r).Survey).ThenBy(r => cell(r).Cell.District, StringComparer.Ordinal)
        .ThenBy(r => cell(r).Cell.Sex, StringComparer.Ordinal).ThenBy(r => cell(r).Cell.AgeGroup, StringComparer.Ordinal);

    static void AddCellParameters(NpgsqlCommand cmd, List<(Guid Survey, Cell Cell)> rows)
    {
        cmd.Parameters.Add(new NpgsqlParameter("survey", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.Survey).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("district", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Cell.District).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("sex", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Cell.Sex).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("age", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = rows.Select(r => r.Cell.AgeGroup).ToArray() });
    }
}

/// <summary>A response for a survey whose SurveyPublished has not arrived yet: it waits (retries), it is not broken.</summary>
public sealed class SurveyNotKnownYetException(Guid surveyId) : Exception($"Survey {surveyId} is not known to Analysis yet.");
