using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Results;

/// <summary>A raw anonymous response as the kernel and the exports see it.</summary>
public sealed record StoredResponse(Cell Cell, IReadOnlyList<Answer> Answers, double[] AnswerVector)
{
    public RawRespondent ToRaw() => new(Cell, AnswerVector);
}

/// <summary>
/// Loads what a survey's report needs from the database (population margins, per-cell statistics or raw
/// responses, earlier years' published figures) and hands it to the kernel. No statistics happen here.
/// </summary>
public sealed class ResultsCalculator(AnalysisDbContext db, SurveyDefinitions definitions, ReportOptions options)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ReportOptions Options => options;

    public Task<SurveyDefinition?> FindSurveyAsync(Guid surveyId, CancellationToken ct) => definitions.FindAsync(db, surveyId, ct);

    public async Task<PopulationMargins?> MarginsAsync(Guid surveyId, CancellationToken ct)
    {
        var cells = await db.PopulationMargins.AsNoTracking().Where(m => m.SurveyId == surveyId).ToListAsync(ct);
        return cells.Count == 0 ? null
            : new PopulationMargins(cells.Select(c => KeyValuePair.Create(new Cell(c.District, c.Sex, c.AgeGroup), c.Count)));
    }

    /// <summary>
    /// The per-cell sufficient statistics kept by the response consumers: one row per cell. While the survey's statistics wait for
    /// a rebuild, the same aggregates recomputed from the raw responses.
    /// </summary>
    public async Task<CellAggregates> AggregatesAsync(SurveyDefinition survey, CancellationToken ct)
    {
        var aggregates = new CellAggregates(survey.Model);
        if (await db.StatisticsRebuilds.AnyAsync(r => r.SurveyId == survey.SurveyId, ct))
        {
            foreach (var r in await ResponsesAsync(survey, ct)) aggregates.Add(r.Cell, r.AnswerVector);
            return aggregates;
        }
        var rows = await db.CellStatistics.AsNoTracking().Where(c => c.SurveyId == survey.SurveyId).ToListAsync(ct);
        foreach (var row in rows)
        {
            var cell = new Cell(row.District, row.Sex, row.AgeGroup);
            if (row.Layout != survey.Layout.Fingerprint)
                throw new CellStatisticsLayoutMismatchException(
                    $"The statistics of cell {cell} of survey {survey.SurveyId} are in another layout than its questionnaire's. " +
                    "Restart Analysis: it rebuilds them from the raw responses.");
            survey.Layout.Read(aggregates, cell, row.Respondents, row.Counts, row.Sums);
        }
        return aggregates;
    }

    /// <summary>The stored raw responses, in a stable order (by response id).</summary>
    public async Task<List<StoredResponse>> ResponsesAsync(SurveyDefinition survey, CancellationToken ct)
    {
        var rows = await db.Responses.AsNoTracking().Where(r => r.SurveyId == survey.SurveyId).OrderBy(r => r.ResponseId)
            .Select(r => new { r.District, r.Sex, r.AgeGroup, r.Answers }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var answers = JsonSerializer.Deserialize<List<Answer>>(r.Answers, Json) ?? [];
            return new StoredResponse(new Cell(r.District, r.Sex, r.AgeGroup), answers, survey.Model.ToAnswerVector(answers));
        }).ToList();
    }

    /// <summary>Earlier years' PUBLISHED figures of the same municipality (the latest publication per year), within the trend span.</summary>
    public async Task<List<YearResults>> PreviousYearsAsync(SurveyDefinition survey, CancellationToken ct)
    {
        var firstYear = survey.Year - options.TrendYears + 1;
        var earlier = await db.Surveys.AsNoTracking()
            .Where(s => s.MunicipalityCode == survey.MunicipalityCode && s.Year < survey.Year && s.Year >= firstYear && s.ResultsPublishedAt != null)
            .Select(s => new { s.SurveyId, s.Year, s.ResultsPublishedAt }).ToListAsync(ct);
        var chosen = earlier.GroupBy(s => s.Year).Select(g => g.OrderByDescending(s => s.ResultsPublishedAt).First()).ToList();
        var ids = chosen.Select(s => s.SurveyId).ToList();
        var figures = await db.PublishedIndicators.AsNoTracking().Where(p => ids.Contains(p.SurveyId)).ToListAsync(ct);
        return chosen.OrderBy(s => s.Year).Select(s => new YearResults(s.Year, figures.Where(f => f.SurveyId == s.SurveyId)
            .ToDictionary(f => f.Key, ToEstimate))).ToList();
    }

    public static IndicatorEstimate ToEstimate(PublishedIndicator p) =>
        new(p.Key, Enum.Parse<Statistics.IndicatorKind>(p.Kind), p.Value, p.StandardError, p.N, p.Mean, p.MeanStandardError);

    /// <summary>The report from the per-cell statistics (live path), or from the raw responses (recompute path).</summary>
    public async Task<YearlyReport> ReportAsync(SurveyDefinition survey, PopulationMargins margins, bool fromRaw, CancellationToken ct)
    {
        var previous = await PreviousYearsAsync(survey, ct);
        if (!fromRaw) return YearlyReports.Build(survey.Year, margins, await AggregatesAsync(survey, ct), previous, options);
        var responses = await ResponsesAsync(survey, ct);
        return YearlyReports.Recompute(survey.Year, margins, survey.Model, responses.Select(r => r.ToRaw()), previous, options);
    }

    /// <summary>Calibrated weights from the respondents per cell (the same calibration the report uses).</summary>
    public static CalibrationResult Calibrate(PopulationMargins margins, IEnumerable<StoredResponse> responses, ReportOptions options)
    {
        var perCell = responses.GroupBy(r => r.Cell).ToDictionary(g => g.Key, g => (long)g.Count());
        return Raking.Calibrate(margins, perCell, options.Raking);
    }
}
