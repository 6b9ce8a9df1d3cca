using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.KeyFigures;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.FollowUp.Evaluation;

/// <summary>
/// Reads what a set of indicators needs for one period (and the period before, for the trend) in a few queries,
/// and applies the pure status and trend rules.
/// </summary>
public sealed class IndicatorEvaluator(FollowUpDbContext db, IOptions<KoladaOptions> kolada)
{
    public async Task<IReadOnlyList<IndicatorEvaluation>> EvaluateAsync(string municipality, IReadOnlyList<Indicator> indicators,
        IReadOnlyList<Goal> allGoals, int period, CancellationToken ct)
    {
        var periods = new[] { period, period - 1 };

        var citizenKeys = indicators.Where(i => i.Source == IndicatorSource.Citizen && i.SourceKey is not null).Select(i => i.SourceKey!).Distinct().ToArray();
        var citizen = citizenKeys.Length == 0 ? [] : await db.CitizenResults.AsNoTracking()
            .Where(r => r.MunicipalityCode == municipality && periods.Contains(r.Year) && citizenKeys.Contains(r.Key)).ToListAsync(ct);

        var kpis = indicators.Where(i => i.Source == IndicatorSource.Operational && i.SourceKey is not null).Select(i => i.SourceKey!).Distinct().ToArray();
        var peers = kolada.Value.Peers.Where(p => p != municipality).Distinct().ToArray();
        var places = peers.Append(municipality).Append(Municipalities.Country).ToArray();
        var figures = kpis.Length == 0 ? [] : await db.KeyFigureValues.AsNoTracking()
            .Where(v => kpis.Contains(v.Kpi) && periods.Contains(v.Period) && places.Contains(v.Municipality)).ToListAsync(ct);
        var titles = kpis.Length == 0 ? new Dictionary<string, string>() : await db.Kpis.AsNoTracking()
            .Where(k => kpis.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Title, ct);

        var manualIds = indicators.Where(i => i.Source == IndicatorSource.Operational && i.SourceKey is null).Select(i => i.Id).ToArray();
        var manual = manualIds.Length == 0 ? [] : await db.ManualValues.AsNoTracking()
            .Where(v => manualIds.Contains(v.IndicatorId) && periods.Contains(v.Period)).ToListAsync(ct);

        var areaOf = GoalAreas(allGoals);
        var feedbackWanted = indicators.Where(i => i.Source == IndicatorSource.Feedback)
            .Select(i => (Code: areaOf.GetValueOrDefault(i.GoalId)?.Code, Measure: FeedbackMeasures.Parse(i.SourceKey)))
            .Where(w => w.Code is not null && w.Measure is not null).Select(w => (w.Code!, w.Measure!)).Distinct().ToArray();
        var feedback = await FeedbackFigures.LoadAsync(db, municipality, feedbackWanted, periods, ct);

        var result = new List<IndicatorEvaluation>(indicators.Count);
        foreach (var indicator in indicators)
        {
            var target = indicator.Targets.FirstOrDefault(t => t.Period == period)?.Target;
            switch (indicator.Source)
            {
                case IndicatorSource.Citizen:
                {
                    var now = citizen.FirstOrDefault(r => r.Key == indicator.SourceKey && r.Year == period);
                    var before = citizen.FirstOrDefault(r => r.Key == indicator.SourceKey && r.Year == period - 1);
                    var previous = before?.Value ?? now?.PreviousValue;
                    CitizenDetail? detail = null;
                    if (now is not null)
                    {
                        var words = Wording.Significance(now.ChangeVsLastYear);
                        detail = new CitizenDetail(now.Kind, now.CiLow, now.CiHigh, now.N, now.ChangeVsLastYear, words.Sv, words.En);
                    }
                    result.Add(new IndicatorEvaluation(indicator, period, now?.Value, previous, target,
                        StatusRules.Status(now?.Value, target, indicator.Tolerance, indicator.Direction),
                        now is null ? Trend.Unknown : TrendRules.ForSurvey(now.ChangeVsLastYear, indicator.Direction),
                        detail, null));
                    break;
                }
                case IndicatorSource.Operational when indicator.SourceKey is { } kpi:
                {
                    KeyFigureValue? Find(string place, int p, string gender = "T") =>
                        figures.FirstOrDefault(v => v.Kpi == kpi && v.Municipality == place && v.Period == p && v.Gender == gender);
                    var own = Find(municipality, period);
                    var before = Find(municipality, period - 1);
                    ComparisonValue? Compare(string place) => Find(place, period) is { } v ? new ComparisonValue(place, v.Value, v.Status) : null;
                    var detail = new KeyFigureDetail(kpi, titles.GetValueOrDefault(kpi), own?.Status ?? "", own?.Value is null,
                        Compare(Municipalities.Country), peers.Select(Compare).OfType<ComparisonValue>().ToArray(),
                        indicator.SplitBySex ? Find(municipality, period, "K")?.Value : null,
                        indicator.SplitBySex ? Find(municipality, period, "M")?.Value : null,
                        HandEntered: false);
                    result.Add(new IndicatorEvaluation(indicator, period, own?.Value, before?.Value, target,
                        StatusRules.Status(own?.Value, target, indicator.Tolerance, indicator.Direction),
                        TrendRules.ForKeyFigure(before?.Value, own?.Value, indicator.Direction), null, detail));
                    break;
                }
                case IndicatorSource.Operational:
                {
                    var own = manual.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Period == period)?.Value;
                    var before = manual.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Period == period - 1)?.Value;
                    var detail = new KeyFigureDetail(null, null, "", own is null, null, [], null, null, HandEntered: true);
                    result.Add(new IndicatorEvaluation(indicator, period, own, before, target,
                        StatusRules.Status(own, target, indicator.Tolerance, indicator.Direction),
                        TrendRules.ForKeyFigure(before, own, indicator.Direction), null, detail));
                    break;
                }
                default:
                {
                    var code = areaOf.GetValueOrDefault(indicator.GoalId)?.Code;
                    var measure = FeedbackMeasures.Parse(indicator.SourceKey);
                    double? Count(int p) => feedback.Value(code, measure, p);
                    result.Add(new IndicatorEvaluation(indicator, period, Count(period), Count(period - 1), target,
                        StatusRules.Status(Count(period), target, indicator.Tolerance, indicator.Direction),
                        TrendRules.ForKeyFigure(Count(period - 1), Count(period), indicator.Direction), null, null));
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>The goal area each goal belongs to (a goal area belongs to itself).</summary>
    public static Dictionary<Guid, Goal> GoalAreas(IReadOnlyList<Goal> goals)
    {
        var byId = goals.ToDictionary(g => g.Id);
        var result = new Dictionary<Guid, Goal>();
        foreach (var goal in goals)
        {
            var g = goal;
            for (var depth = 0; g is not null && g.Level != GoalLevel.GoalArea && depth < 10; depth++)
            {
                g = g.ParentId is { } p ? byId.GetValueOrDefault(p) : null;
            }
            if (g is { Level: GoalLevel.GoalArea }) result[goal.Id] = g;
        }
        return result;
    }

    /// <summary>
    /// Feedback in a goal area per calendar year (UTC): feedback tagged with the area's code, or, when it carries no
    /// goal area, whose category is the code. A year with no feedback counts 0: feedback is collected all year round.
    /// </summary>
    public static async Task<Dictionary<(string Code, int Year), double>> FeedbackCountsAsync(FollowUpDbContext db, string municipality,
        IReadOnlyCollection<string> codes, IReadOnlyCollection<int> years, CancellationToken ct)
    {
        var result = new Dictionary<(string, int), double>();
        if (codes.Count == 0) return result;
        var lower = codes.Select(c => c.ToLowerInvariant()).ToArray();
        var from = new DateTimeOffset(years.Min(), 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(years.Max() + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = (await db.Feedback.AsNoTracking()
            .Where(f => f.MunicipalityCode == municipality && f.ReceivedAt >= from && f.ReceivedAt < to)
            .Where(f => lower.Contains((f.GoalArea ?? f.Category).ToLower()))
            .Select(f => new { Area = (f.GoalArea ?? f.Category).ToLower(), f.ReceivedAt })
            .ToListAsync(ct))
            .GroupBy(f => (f.Area, f.ReceivedAt.UtcDateTime.Year))
            .Select(g => new { g.Key.Area, g.Key.Year, Count = g.Count() })
            .ToList();
        foreach (var code in codes)
        {
            foreach (var year in years)
            {
                result[(code, year)] = rows.Where(r => r.Area == code.ToLowerInvariant() && r.Year == year).Sum(r => r.Count);
            }
        }
        return result;
    }
}
