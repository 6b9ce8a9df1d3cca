using Medborgare.Contracts;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Results;

/// <summary>One published figure as <c>SurveyResultsPublished</c> carries it, compared with the previous published year.</summary>
public static class Publishing
{
    public static IndicatorResult ToResult(IndicatorEstimate now, SurveyDefinition survey, YearResults? previous)
    {
        var then = previous?.Indicators.GetValueOrDefault(now.Key);
        var change = ChangeSignificance.NoComparison;
        if (then is not null)
            change = YearOverYear.Compare(previous!.Year, then.Value, then.StandardError, survey.Year, now.Value, now.StandardError).Direction switch
            {
                ChangeDirection.Increase => ChangeSignificance.SignificantIncrease,
                ChangeDirection.Decrease => ChangeSignificance.SignificantDecrease,
                _ => ChangeSignificance.NotSignificant,
            };
        return new IndicatorResult
        {
            Key = now.Key,
            Kind = now.Kind == Statistics.IndicatorKind.Share ? Contracts.IndicatorKind.Share : Contracts.IndicatorKind.Index,
            Value = now.Value, CiLow = now.CiLow, CiHigh = now.CiHigh, N = (int)Math.Min(now.N, int.MaxValue),
            ChangeVsLastYear = change, PreviousValue = then?.Value,
            GoalAreaTags = ResultsMapping.GoalAreaTags(survey, now.Key),
        };
    }

    /// <summary>Every factor of every overall index's matrix, named and tagged as its factor index is.</summary>
    public static IEnumerable<PriorityResult> ToPriorities(IEnumerable<PriorityMatrix> matrices, SurveyDefinition survey) =>
        matrices.SelectMany(m => m.Factors.Select(f =>
        {
            var name = ResultsMapping.Name(survey, f.FactorKey);
            return new PriorityResult
            {
                OverallKey = m.OverallKey, FactorKey = f.FactorKey, NameSv = name.Sv, NameEn = name.En,
                Score = f.Score, Effect = f.Effect, N = (int)Math.Min(f.N, int.MaxValue),
                Quadrant = f.Quadrant switch
                {
                    Quadrant.Prioritera => PriorityQuadrant.Prioritera,
                    Quadrant.Bevara => PriorityQuadrant.Bevara,
                    Quadrant.ForbattraOmMojligt => PriorityQuadrant.ForbattraOmMojligt,
                    _ => PriorityQuadrant.LagrePrioritet,
                },
                GoalAreaTags = ResultsMapping.GoalAreaTags(survey, f.FactorKey),
            };
        }));
}
