using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Evaluation;

/// <summary>
/// The whole goal chain of the municipality for one period: goals, their indicators evaluated, each goal's
/// proposed assessment and the stored overrides. A municipality has tens of goals and indicators, so reading it
/// whole per request is cheap and keeps the overview and the area view consistent.
/// </summary>
public sealed record GoalChainSnapshot(
    int Period,
    IReadOnlyList<Goal> Goals,
    IReadOnlyDictionary<Guid, Goal> AreaOf,
    ILookup<Guid, IndicatorEvaluation> IndicatorsByGoal,
    IReadOnlyDictionary<Guid, GoalAssessment> Stored)
{
    public Assessment? Proposal(Guid goalId) => AssessmentRules.Propose(IndicatorsByGoal[goalId].Select(e => e.Status));

    public static async Task<GoalChainSnapshot> LoadAsync(FollowUpDbContext db, IndicatorEvaluator evaluator, string municipality, int period, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.MunicipalityCode == municipality).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => i.MunicipalityCode == municipality)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Name).ToListAsync(ct);
        var evaluations = await evaluator.EvaluateAsync(municipality, indicators, goals, period, ct);
        var goalIds = goals.Select(g => g.Id).ToArray();
        var stored = await db.GoalAssessments.AsNoTracking().Where(a => a.Period == period && goalIds.Contains(a.GoalId)).ToDictionaryAsync(a => a.GoalId, ct);
        return new GoalChainSnapshot(period, goals, IndicatorEvaluator.GoalAreas(goals), evaluations.ToLookup(e => e.Indicator.GoalId), stored);
    }

    /// <summary>The default period: the latest year with published survey results, else the latest key-figure year, else last year.</summary>
    public static async Task<int> DefaultPeriodAsync(FollowUpDbContext db, string municipality, TimeProvider clock, CancellationToken ct)
    {
        var survey = await db.CitizenResults.Where(r => r.MunicipalityCode == municipality).MaxAsync(r => (int?)r.Year, ct);
        if (survey is { } y) return y;
        var figures = await db.KeyFigureValues.Where(v => v.Municipality == municipality).MaxAsync(v => (int?)v.Period, ct);
        return figures ?? clock.GetUtcNow().Year - 1;
    }
}
