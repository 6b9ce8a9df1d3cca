namespace Medborgare.Statistics;

/// <summary>An earlier year's published figures, keyed by indicator key (what makes years comparable).</summary>
public sealed record YearResults(int Year, IReadOnlyDictionary<string, IndicatorEstimate> Indicators);

public sealed record TrendPoint(int Year, double Value, double StandardError, long N);

/// <summary>An indicator over up to five years, and this year against each earlier year.</summary>
public sealed record IndicatorTrend(string Key, IReadOnlyList<TrendPoint> Years, IReadOnlyList<YearComparison> Comparisons);

public sealed record ReportOptions
{
    public RakingOptions Raking { get; init; } = new();
    public SuppressionOptions Suppression { get; init; } = new();
    /// <summary>Years in the comparison, this one included.</summary>
    public int TrendYears { get; init; } = 5;
}

/// <summary>
/// The full yearly report. When calibration did not converge, <see cref="Indicators"/> and the rest are empty and
/// <see cref="Calibration"/> says why: no figure is ever shown from weights that do not meet the margins.
/// </summary>
public sealed record YearlyReport(
    int Year,
    CalibrationResult Calibration,
    long Respondents,
    IReadOnlyList<IndicatorEstimate> Indicators,
    IReadOnlyList<Breakdown> Breakdowns,
    IReadOnlyList<PriorityMatrix> Priorities,
    IReadOnlyList<IndicatorTrend> Trends);

public static class YearlyReports
{
    /// <summary>The report from per-cell statistics: O(cells × variables), independent of the number of respondents.</summary>
    public static YearlyReport Build(int year, PopulationMargins population, CellAggregates aggregates,
        IReadOnlyList<YearResults>? previousYears = null, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var calibration = Raking.Calibrate(population, Raking.RespondentsPerCell(aggregates), options.Raking);
        if (calibration.Weights is not { } weights)
            return new YearlyReport(year, calibration, aggregates.Respondents, [], [], [], []);

        var estimator = new CellEstimator(weights, aggregates);
        var model = aggregates.Model;
        var totals = new Estimate?[model.Variables.Count];
        var indicators = new List<IndicatorEstimate>();
        foreach (var v in DisplayOrder(model))
        {
            totals[v] = estimator.Mean(v, CellDomain.All);
            if (totals[v] is { } e) indicators.Add(IndicatorEstimate.From(model.Variables[v], e));
        }

        var breakdowns = new List<Breakdown>(model.Variables.Count * 3);
        foreach (var dimension in new[] { CellDimension.AgeGroup, CellDimension.Sex, CellDimension.District })
            foreach (var v in DisplayOrder(model))
                breakdowns.Add(Breakdowns.ByCells(estimator, v, dimension, options.Suppression));

        var priorities = PriorityMatrices.Compute(model, v => totals[v], estimator.Slope);
        var trends = Trends(year, indicators, previousYears ?? [], options.TrendYears);
        return new YearlyReport(year, calibration, aggregates.Respondents, indicators, breakdowns, priorities, trends);
    }

    /// <summary>The recompute path: per-cell statistics rebuilt from raw respondents (O(n)), then the same report.</summary>
    public static YearlyReport Recompute(int year, PopulationMargins population, AnalysisModel model, IEnumerable<RawRespondent> respondents,
        IReadOnlyList<YearResults>? previousYears = null, ReportOptions? options = null)
    {
        var aggregates = new CellAggregates(model);
        foreach (var r in respondents) aggregates.Add(r.Cell, r.Answers);
        return Build(year, population, aggregates, previousYears, options);
    }

    /// <summary>Overall indices, then factors, then items, then shares.</summary>
    static IEnumerable<int> DisplayOrder(AnalysisModel model)
    {
        var order = new[] { VariableKind.Overall, VariableKind.Factor, VariableKind.Item, VariableKind.Share };
        foreach (var kind in order)
            for (var v = 0; v < model.Variables.Count; v++)
                if (model.Variables[v].Kind == kind) yield return v;
    }

    static List<IndicatorTrend> Trends(int year, IReadOnlyList<IndicatorEstimate> current, IReadOnlyList<YearResults> previous, int span)
    {
        var earlier = previous.Where(p => p.Year < year && p.Year > year - span).OrderBy(p => p.Year).ToList();
        var trends = new List<IndicatorTrend>(current.Count);
        foreach (var now in current)
        {
            var points = new List<TrendPoint>();
            var comparisons = new List<YearComparison>();
            foreach (var p in earlier)
            {
                if (!p.Indicators.TryGetValue(now.Key, out var then)) continue;
                points.Add(new TrendPoint(p.Year, then.Value, then.StandardError, then.N));
                comparisons.Add(YearOverYear.Compare(p.Year, then.Value, then.StandardError, year, now.Value, now.StandardError));
            }
            points.Add(new TrendPoint(year, now.Value, now.StandardError, now.N));
            trends.Add(new IndicatorTrend(now.Key, points, comparisons));
        }
        return trends;
    }
}
