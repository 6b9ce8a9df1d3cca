namespace Medborgare.Statistics;

public sealed record BreakdownGroup(string Group, long N, SuppressionReason Suppression, IndicatorEstimate? Estimate);

/// <summary>One indicator broken down by one dimension ("Åldersgrupp", "Kön", "Område" or a question key).</summary>
public sealed record Breakdown(string Dimension, string IndicatorKey, IReadOnlyList<BreakdownGroup> Groups);

public static class Breakdowns
{
    public const string AgeGroup = "age-group";
    public const string Sex = "sex";
    public const string District = "district";

    /// <summary>Breakdown over cell variables (age group, sex or district), from per-cell statistics.</summary>
    public static Breakdown ByCells(CellEstimator estimator, int variable, CellDimension dimension, SuppressionOptions? options = null)
    {
        var (name, labels) = dimension switch
        {
            CellDimension.AgeGroup => (AgeGroup, Demography.AgeGroups),
            CellDimension.Sex => (Sex, Demography.Sexes),
            CellDimension.District => (District, estimator.Weights.Districts),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        var counts = new long[labels.Count];
        for (var k = 0; k < labels.Count; k++) counts[k] = estimator.Count(variable, new CellDomain(dimension, k));
        var reasons = Suppression.Apply(counts, options);
        var groups = new BreakdownGroup[labels.Count];
        for (var k = 0; k < labels.Count; k++)
        {
            IndicatorEstimate? estimate = null;
            if (reasons[k] == SuppressionReason.None && estimator.Mean(variable, new CellDomain(dimension, k)) is { } e)
                estimate = IndicatorEstimate.From(estimator.Model.Variables[variable], e);
            groups[k] = new BreakdownGroup(labels[k], counts[k], reasons[k], estimate);
        }
        return new Breakdown(name, estimator.Model.Variables[variable].Key, groups);
    }

    /// <summary>
    /// Breakdown by any grouping of respondents (e.g. a choice question's answer), from raw respondents:
    /// <paramref name="groupOf"/>[i] is respondent i's group, null for none. Each group's per-cell sums are built
    /// in one O(n) pass and estimated with the full sample's calibration, as domain estimation requires.
    /// </summary>
    public static IReadOnlyList<Breakdown> ByGroup(CalibratedWeights weights, AnalysisModel model, IReadOnlyList<RawRespondent> respondents,
        IReadOnlyList<string?> groupOf, string dimension, IEnumerable<string> variableKeys, SuppressionOptions? options = null)
    {
        if (groupOf.Count != respondents.Count) throw new ArgumentException("One group per respondent.", nameof(groupOf));
        var perGroup = new SortedDictionary<string, CellAggregates>(StringComparer.Ordinal);
        for (var i = 0; i < respondents.Count; i++)
        {
            if (groupOf[i] is not { } group) continue;
            if (!perGroup.TryGetValue(group, out var aggregates)) perGroup[group] = aggregates = new CellAggregates(model);
            aggregates.Add(respondents[i].Cell, respondents[i].Answers);
        }
        var estimators = perGroup.ToDictionary(g => g.Key, g => new CellEstimator(weights, g.Value));
        var result = new List<Breakdown>();
        foreach (var key in variableKeys)
        {
            var v = model.VariableIndex[key];
            var labels = estimators.Keys.ToList();
            var counts = labels.Select(l => estimators[l].Count(v, CellDomain.All)).ToList();
            var reasons = Suppression.Apply(counts, options);
            var groups = labels.Select((l, k) => new BreakdownGroup(l, counts[k], reasons[k],
                reasons[k] == SuppressionReason.None && estimators[l].Mean(v, CellDomain.All) is { } e
                    ? IndicatorEstimate.From(model.Variables[v], e) : null)).ToList();
            result.Add(new Breakdown(dimension, key, groups));
        }
        return result;
    }
}
