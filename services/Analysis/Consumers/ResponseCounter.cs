using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Analysis.Results;
using Medborgare.Contracts;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Counts messages of responses in one transaction: their MessageIds go into the inbox (ON CONFLICT DO NOTHING tells which are
/// new), the new messages' responses are stored (ON CONFLICT (response_id) DO NOTHING RETURNING tells which responses are new),
/// and only those are added to the per-cell statistics, with one statement for all cells. A redelivered message, a message
/// another replica took, or a response that arrives again in another message changes nothing. Published results that the analyst
/// asked to keep current are republished in the same transaction.
/// </summary>
public sealed class ResponseCounter(AnalysisDbContext db, SurveyDefinitions definitions, ResultsPublisher publisher, TimeProvider clock,
    ILogger<ResponseCounter> logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Counts the messages in one transaction: all of them, or (when it throws) none.</summary>
    public async Task CountAsync(string consumer, IReadOnlyCollection<ResponseMessage> messages, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var surveyIds = messages.SelectMany(m => m.Responses).Select(r => r.SurveyId).Distinct().ToArray();
        var keptCurrent = await LockKeptCurrentSurveysAsync(connection, surveyIds, ct);
        await SurveyStatisticsLock.ShareAsync(connection, surveyIds, ct);

        var ids = messages.Where(m => m.MessageId is not null).Select(m => m.MessageId!.Value).Order().ToArray();
        var fresh = ids.Length == 0 ? [] : (await ReturningAsync(connection, """
            INSERT INTO inbox_messages (message_id, consumer, handled_at)
            SELECT id, @consumer, @now FROM unnest(@ids) AS id
            ON CONFLICT DO NOTHING RETURNING message_id
            """, ids, ct, ("consumer", consumer), ("now", clock.GetUtcNow()))).ToHashSet();
        // Sorted by their random ids, so two batches that share responses insert them in the same order (and wait rather than
        // deadlock), and within a batch the order rows are stored in says nothing about the order they were submitted in.
        var responses = messages.Where(m => m.MessageId is null || fresh.Contains(m.MessageId.Value))
            .SelectMany(m => m.Responses).DistinctBy(r => r.ResponseId).OrderBy(r => r.ResponseId).ToList();
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

    static async Task<List<Guid>> ReturningAsync(NpgsqlConnection connection, string sql, Guid[] ids, CancellationToken ct,
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
    /// Derives every kernel variable (items, shares, factors, overall indices) of each new response with its survey's model,
    /// sums them per (survey, cell) in memory, then adds the sums to one row per cell. (A survey whose statistics wait for a
    /// rebuild is added to as well: the rebuild replaces its rows with a recompute from every stored response.)
    /// </summary>
    async Task AddToStatisticsAsync(NpgsqlConnection connection, IEnumerable<SurveyResponseSubmitted> responses, CancellationToken ct)
    {
        var perSurvey = new Dictionary<Guid, (Guid, CellStatisticsLayout, CellAggregates Aggregates)>();
        foreach (var r in responses)
        {
            if (!perSurvey.TryGetValue(r.SurveyId, out var survey))
            {
                // Unknown survey: SurveyPublished has not arrived yet. Throwing rolls the batch back and the retry waits for it.
                var definition = await definitions.FindAsync(db, r.SurveyId, ct) ?? throw new SurveyNotKnownYetException(r.SurveyId);
                perSurvey[r.SurveyId] = survey = (r.SurveyId, definition.Layout, new CellAggregates(definition.Model));
            }
            survey.Aggregates.Add(r.Stratum.ToCell(), survey.Aggregates.Model.ToAnswerVector(r.Answers));
        }
        await CellStatisticsStore.AddAsync(connection, [.. perSurvey.Values], ct);
    }
}

/// <summary>A response for a survey whose SurveyPublished has not arrived yet: it waits (retries), it is not broken.</summary>
public sealed class SurveyNotKnownYetException(Guid surveyId) : Exception($"Survey {surveyId} is not known to Analysis yet.");
