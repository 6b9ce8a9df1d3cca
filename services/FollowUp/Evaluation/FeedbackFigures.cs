using Medborgare.FollowUp.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Evaluation;

/// <summary>
/// What feedback indicators need for a few years, read in at most three queries: the count per goal area, the answered
/// cases per goal area, and the count per goal area and category. Areas match by code, case-insensitively.
/// </summary>
public sealed class FeedbackFigures
{
    readonly Dictionary<(string Code, int Year), double> counts;
    readonly ILookup<(string Area, int Year), (int WorkingDays, bool InTime)> answered;
    readonly Dictionary<(string Area, string Category, int Year), int> themes;

    FeedbackFigures(Dictionary<(string, int), double> counts, ILookup<(string, int), (int, bool)> answered, Dictionary<(string, string, int), int> themes)
    {
        this.counts = counts;
        this.answered = answered;
        this.themes = themes;
    }

    /// <param name="wanted">Each feedback indicator's goal-area code and measure.</param>
    public static async Task<FeedbackFigures> LoadAsync(FollowUpDbContext db, string municipality, IReadOnlyCollection<(string Code, FeedbackMeasure Measure)> wanted,
        IReadOnlyCollection<int> years, CancellationToken ct)
    {
        string[] CodesFor(params FeedbackMeasureKind[] kinds) =>
            wanted.Where(w => kinds.Contains(w.Measure.Kind)).Select(w => w.Code.ToLowerInvariant()).Distinct().ToArray();

        var countCodes = wanted.Where(w => w.Measure.Kind == FeedbackMeasureKind.Count).Select(w => w.Code).Distinct().ToArray();
        var counts = await IndicatorEvaluator.FeedbackCountsAsync(db, municipality, countCodes, years, ct);

        var (from, to) = FeedbackMeasures.SwedishYears(years.Min(), years.Max());
        var answeredCodes = CodesFor(FeedbackMeasureKind.AnsweredInTime, FeedbackMeasureKind.MedianResponseDays);
        var outcomes = answeredCodes.Length == 0 ? [] : await db.FeedbackOutcomes.AsNoTracking()
            .Where(o => o.MunicipalityCode == municipality && o.AnsweredAt >= from && o.AnsweredAt < to)
            .Where(o => answeredCodes.Contains((o.GoalArea ?? o.Category).ToLower()))
            .Select(o => new { Area = (o.GoalArea ?? o.Category).ToLower(), o.AnsweredAt, o.WorkingDays, o.InTime })
            .ToListAsync(ct);
        var answered = outcomes.ToLookup(o => (o.Area, FeedbackMeasures.SwedishYear(o.AnsweredAt)), o => (o.WorkingDays, o.InTime));

        var themeCodes = CodesFor(FeedbackMeasureKind.Theme);
        var categories = wanted.Where(w => w.Measure.Kind == FeedbackMeasureKind.Theme).Select(w => w.Measure.Category!).Distinct().ToArray();
        var themed = themeCodes.Length == 0 ? [] : await db.Feedback.AsNoTracking()
            .Where(f => f.MunicipalityCode == municipality && f.ReceivedAt >= from && f.ReceivedAt < to && f.GoalArea != null)
            .Where(f => themeCodes.Contains(f.GoalArea!.ToLower()) && categories.Contains(f.Category.ToLower()))
            .Select(f => new { Area = f.GoalArea!.ToLower(), Category = f.Category.ToLower(), f.ReceivedAt })
            .ToListAsync(ct);
        var themes = themed.GroupBy(f => (f.Area, f.Category, FeedbackMeasures.SwedishYear(f.ReceivedAt))).ToDictionary(g => g.Key, g => g.Count());

        return new FeedbackFigures(counts, answered, themes);
    }

    /// <summary>
    /// The value of a measure for a goal area and year. Counts are 0 in a year without feedback (it is collected all year);
    /// the answered measures have no value in a year without an answered case. An unknown measure has no value.
    /// </summary>
    public double? Value(string? code, FeedbackMeasure? measure, int year)
    {
        if (code is null || measure is null) return null;
        var area = code.ToLowerInvariant();
        return measure.Kind switch
        {
            FeedbackMeasureKind.Count => counts.TryGetValue((code, year), out var n) ? n : null,
            FeedbackMeasureKind.AnsweredInTime => FeedbackMeasures.InTimeShare(answered[(area, year)].Select(a => a.InTime).ToArray()),
            FeedbackMeasureKind.MedianResponseDays => FeedbackMeasures.Median(answered[(area, year)].Select(a => a.WorkingDays).ToArray()),
            FeedbackMeasureKind.Theme => themes.GetValueOrDefault((area, measure.Category!, year)),
            _ => null,
        };
    }
}
