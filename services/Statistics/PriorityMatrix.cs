namespace Medborgare.Statistics;

public enum Quadrant { Prioritera, Bevara, ForbattraOmMojligt, LagrePrioritet }

/// <summary>One factor in the prioriteringsmatris: its index (score) and effect = 5·β on the 0–100 scales.</summary>
public sealed record PriorityFactor(string FactorKey, double Score, double Effect, long N, Quadrant Quadrant)
{
    public string QuadrantLabel => PriorityMatrices.Label(Quadrant);
}

public sealed record PriorityMatrix(string OverallKey, double MeanScore, double MeanEffect, IReadOnlyList<PriorityFactor> Factors);

/// <summary>
/// The effect of a factor: β_f is the weighted (calibrated weights) least-squares slope of respondents' overall
/// index value on their factor value, both on 0–100, over respondents with both, one factor at a time. It comes
/// from per-cell cross sums (n, Σx, Σy, Σx², Σxy per factor) kept in <see cref="CellAggregates"/>.
/// "Effect 2" reads as: 5 more points of factor go with 2 more points of overall index.
/// </summary>
public static class PriorityMatrices
{
    public static string Label(Quadrant quadrant) => quadrant switch
    {
        Quadrant.Prioritera => "Prioritera!",
        Quadrant.Bevara => "Bevara",
        Quadrant.ForbattraOmMojligt => "Förbättra om möjligt",
        _ => "Lägre prioritet",
    };

    /// <summary>High score is at or above the mean score, high effect at or above the mean effect.</summary>
    public static Quadrant QuadrantOf(double score, double effect, double meanScore, double meanEffect) =>
        (score >= meanScore, effect >= meanEffect) switch
        {
            (false, true) => Quadrant.Prioritera,
            (true, true) => Quadrant.Bevara,
            (false, false) => Quadrant.ForbattraOmMojligt,
            (true, false) => Quadrant.LagrePrioritet,
        };

    /// <summary>Effect on 0–100 scales from a slope on the raw scales: y' = 100(y−a)/(b−a), so β' = β·range_x/range_y.</summary>
    public static double Effect(double rawSlope, Variable factor, Variable overall) =>
        5 * rawSlope * (factor.Max - factor.Min) / (overall.Max - overall.Min);

    /// <summary>One matrix per overall index, over its factors that have a score and a slope.</summary>
    public static IReadOnlyList<PriorityMatrix> Compute(AnalysisModel model, Func<int, Estimate?> score, Func<int, (double Slope, long N)?> slope)
    {
        var result = new List<PriorityMatrix>();
        foreach (var overall in model.Pairs.Select(p => p.Overall).Distinct())
        {
            var points = new List<(string Key, double Score, double Effect, long N)>();
            for (var p = 0; p < model.Pairs.Count; p++)
            {
                if (model.Pairs[p].Overall != overall) continue;
                var factor = model.Variables[model.Pairs[p].Factor];
                if (score(model.Pairs[p].Factor) is not { } estimate || slope(p) is not { } fit) continue;
                var index = IndicatorEstimate.From(factor, estimate).Value;
                points.Add((factor.Key, index, Effect(fit.Slope, factor, model.Variables[overall]), fit.N));
            }
            if (points.Count == 0) continue;
            var meanScore = points.Average(x => x.Score);
            var meanEffect = points.Average(x => x.Effect);
            result.Add(new PriorityMatrix(model.Variables[overall].Key, meanScore, meanEffect,
                [.. points.Select(x => new PriorityFactor(x.Key, x.Score, x.Effect, x.N, QuadrantOf(x.Score, x.Effect, meanScore, meanEffect)))]));
        }
        return result;
    }
}
