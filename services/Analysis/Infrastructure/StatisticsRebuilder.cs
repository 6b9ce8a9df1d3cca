using System.Text.Json;
using Medborgare.Analysis.Results;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Analysis.Infrastructure;

/// <summary>
/// Rebuilds cell statistics from the raw responses, at start-up, for every survey in <c>statistics_rebuilds</c>: those the
/// migration to one row per cell marked, and those it finds here with responses but no statistics, or statistics in another
/// layout than their questionnaire's (a later change of the layout). Idempotent: a rebuild replaces the survey's statistics
/// with a recompute from all its stored responses, in response-id order.
/// <para>
/// Responses keep arriving meanwhile, from this replica and others, and their batches add to the statistics as always. A rebuild
/// takes the survey's <see cref="SurveyStatisticsLock"/> exclusively: it waits until the batches in flight for the survey have
/// committed, reads every response stored, replaces the survey's rows and deletes the marker in one transaction, and the batches
/// that come later wait for that commit and add to the rebuilt rows. Readers recompute from the raw responses while the marker
/// is there, so no one sees statistics that are missing or half rebuilt.
/// </para>
/// </summary>
public sealed class StatisticsRebuilder(IServiceScopeFactory scopes, SurveyDefinitions definitions, ILogger<StatisticsRebuilder> logger) : BackgroundService
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AnalysisDbContext>();
                await MarkAsync(db, stoppingToken);
                await RebuildMarkedAsync(db, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && attempt < 20)
            {
                // Results stay right meanwhile (marked surveys are read from the raw responses), only slower.
                logger.LogWarning(ex, "Rebuilding cell statistics failed (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(2 * attempt, 30)), stoppingToken);
            }
        }
    }

    /// <summary>Marks the surveys with responses but no statistics, and those with statistics in another layout than their model's.</summary>
    public async Task MarkAsync(AnalysisDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO statistics_rebuilds (survey_id, reason, requested_at)
            SELECT s.survey_id, 'missing', now() FROM surveys s
            WHERE EXISTS (SELECT 1 FROM responses r WHERE r.survey_id = s.survey_id)
              AND NOT EXISTS (SELECT 1 FROM cell_statistics c WHERE c.survey_id = s.survey_id)
            ON CONFLICT DO NOTHING
            """, ct);
        var stored = await db.CellStatistics.Select(c => new { c.SurveyId, c.Layout }).Distinct().ToListAsync(ct);
        foreach (var survey in stored.GroupBy(s => s.SurveyId))
        {
            var definition = await definitions.FindAsync(db, survey.Key, ct);
            if (definition is not null && survey.All(s => s.Layout == definition.Layout.Fingerprint)) continue;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO statistics_rebuilds (survey_id, reason, requested_at) VALUES ({survey.Key}, 'layout', now()) ON CONFLICT DO NOTHING
                """, ct);
        }
    }

    /// <summary>Rebuilds every marked survey, each in its own transaction; returns how many it rebuilt.</summary>
    public async Task<int> RebuildMarkedAsync(AnalysisDbContext db, CancellationToken ct)
    {
        var marked = await db.StatisticsRebuilds.AsNoTracking().OrderBy(r => r.RequestedAt).Select(r => r.SurveyId).ToListAsync(ct);
        var rebuilt = 0;
        foreach (var surveyId in marked)
        {
            try
            {
                if (await RebuildAsync(db, surveyId, ct)) rebuilt++;
            }
            catch (Exception ex) when (!TransientFailure.IsDatabase(ex) && !ct.IsCancellationRequested)
            {
                // One survey that cannot be rebuilt keeps its marker (its results come from the raw responses), and the others go on.
                logger.LogError(ex, "The cell statistics of survey {SurveyId} could not be rebuilt", surveyId);
                db.ChangeTracker.Clear();
            }
        }
        if (marked.Count > 0) logger.LogInformation("Rebuilt the cell statistics of {Rebuilt} of {Marked} surveys from their raw responses", rebuilt, marked.Count);
        return rebuilt;
    }

    async Task<bool> RebuildAsync(AnalysisDbContext db, Guid surveyId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await SurveyStatisticsLock.TakeAsync(connection, surveyId, ct);
        // Gone: another replica rebuilt it while this one waited.
        if (!await db.StatisticsRebuilds.AnyAsync(r => r.SurveyId == surveyId, ct)) return false;
        var definition = await definitions.FindAsync(db, surveyId, ct)
            ?? throw new InvalidOperationException($"Survey {surveyId} has responses but is not known.");
        await db.Database.ExecuteSqlAsync($"DELETE FROM cell_statistics WHERE survey_id = {surveyId}", ct);

        var aggregates = new CellAggregates(definition.Model);
        await using (var read = new NpgsqlCommand("""
            SELECT district, sex, age_group, answers::text FROM responses WHERE survey_id = @id ORDER BY response_id
            """, connection))
        {
            read.Parameters.AddWithValue("id", surveyId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var answers = JsonSerializer.Deserialize<List<Answer>>(reader.GetString(3), Json) ?? [];
                aggregates.Add(new Cell(reader.GetString(0), reader.GetString(1), reader.GetString(2)), definition.Model.ToAnswerVector(answers));
            }
        }
        await CellStatisticsStore.InsertAsync(connection, surveyId, definition.Layout, aggregates, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM statistics_rebuilds WHERE survey_id = {surveyId}", ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Rebuilt the cell statistics of survey {SurveyId}: {Respondents} respondents in {Cells} cells",
            surveyId, aggregates.Respondents, aggregates.Cells.Count);
        return true;
    }
}
