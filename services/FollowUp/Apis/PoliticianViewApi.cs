using Medborgare.Contracts;
using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.FollowUp.Apis.AssessmentsApi;
using static Medborgare.FollowUp.Apis.GoalsApi;

namespace Medborgare.FollowUp.Apis;

/// <summary>
/// The politicians' read model: goal areas with their status, and one goal area with each goal's status and
/// assessment, citizen indicators beside operational key figures, the residents' priorities, and what open feedback says there.
/// Only published survey results exist in this service, so only they appear.
/// </summary>
public static class PoliticianViewApi
{
    const int RecentFeedback = 10;

    public static IEndpointRouteBuilder MapPoliticianViewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/followup").WithTags("Politicians' view").RequireAuthorization(StaffPolicies.Politician);
        api.MapGet("/overview", Overview).WithName("GetFollowUpOverview")
            .WithSummary("Every goal area with counts of its indicators' statuses and its goals' assessments for a year (?year=, default the latest published)");
        api.MapGet("/goal-areas/{id:guid}", GoalArea).WithName("GetGoalAreaView")
            .WithSummary("One goal area for a year: goals with status and assessment, citizen indicators beside key figures, feedback");
        api.MapGet("/indicators/{id:guid}/series", Series).WithName("GetIndicatorSeries")
            .WithSummary("One indicator year by year (value, target, status, trend, CI, the country's value), for a chart and its table");
        return app;
    }

    static async Task<Results<Ok<IndicatorSeries>, NotFound>> Series(Guid id, FollowUpDbContext db, IndicatorEvaluator evaluator,
        IConfiguration config, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Targets).FirstOrDefaultAsync(i => i.Id == id && i.MunicipalityCode == municipality, ct);
        if (indicator is null) return TypedResults.NotFound();
        var goals = await db.Goals.AsNoTracking().Where(g => g.MunicipalityCode == municipality).ToListAsync(ct);
        var points = new List<SeriesPoint>();
        // A handful of years, each a few indexed queries: simpler than a second, year-spanning evaluator.
        foreach (var year in (await YearsAsync(db, municipality, ct)).Order())
        {
            var e = (await evaluator.EvaluateAsync(municipality, [indicator], goals, year, ct))[0];
            if (e.Value is null && e.Target is null && e.KeyFigure?.Country?.Value is null) continue;
            points.Add(new SeriesPoint(year, e.Value, e.Target, e.Status, e.Trend, e.Citizen?.CiLow, e.Citizen?.CiHigh,
                e.KeyFigure?.Country?.Value, e.KeyFigure?.KoladaStatus));
        }
        return TypedResults.Ok(new IndicatorSeries(indicator.Id, indicator.Name, indicator.Source, indicator.SourceKey, indicator.Unit, indicator.Direction, [.. points]));
    }

    static async Task<Results<Ok<OverviewDto>, ValidationProblem>> Overview(HttpContext http, int? year, FollowUpDbContext db, IndicatorEvaluator evaluator,
        IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        if (Invalid(http, year) is { } problem) return problem;
        var period = year ?? await GoalChainSnapshot.DefaultPeriodAsync(db, municipality, clock, ct);
        var snapshot = await GoalChainSnapshot.LoadAsync(db, evaluator, municipality, period, ct);
        var areas = InTreeOrder(snapshot.Goals).Where(g => g.Level == GoalLevel.GoalArea).Select(area =>
        {
            var members = snapshot.Goals.Where(g => snapshot.AreaOf.GetValueOrDefault(g.Id)?.Id == area.Id).ToList();
            var goals = members.Where(g => g.Id != area.Id).ToList();
            var effective = goals.Select(g => snapshot.Stored.GetValueOrDefault(g.Id)?.Override ?? snapshot.Proposal(g.Id)).ToList();
            return new AreaSummary(area.Id, area.Code, area.Title, area.ResponsibleBody, goals.Count,
                members.SelectMany(g => snapshot.IndicatorsByGoal[g.Id]).Select(e => e.Status).ToStatusCounts(),
                new AssessmentCounts(effective.Count(a => a == Assessment.Met), effective.Count(a => a == Assessment.PartlyMet),
                    effective.Count(a => a == Assessment.NotMet), effective.Count(a => a is null)));
        }).ToArray();
        return TypedResults.Ok(new OverviewDto(period, await YearsAsync(db, municipality, ct), areas));
    }

    static async Task<Results<Ok<GoalAreaView>, NotFound, ValidationProblem>> GoalArea(HttpContext http, Guid id, int? year, FollowUpDbContext db,
        IndicatorEvaluator evaluator, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        if (Invalid(http, year) is { } problem) return problem;
        var period = year ?? await GoalChainSnapshot.DefaultPeriodAsync(db, municipality, clock, ct);
        var snapshot = await GoalChainSnapshot.LoadAsync(db, evaluator, municipality, period, ct);
        if (snapshot.Goals.FirstOrDefault(g => g.Id == id && g.Level == GoalLevel.GoalArea) is not { } area) return TypedResults.NotFound();
        return TypedResults.Ok(await AreaViewAsync(db, snapshot, area, municipality, ct));
    }

    /// <summary>One goal area of a snapshot as politicians see it; the period report shows the same view.</summary>
    internal static async Task<GoalAreaView> AreaViewAsync(FollowUpDbContext db, GoalChainSnapshot snapshot, Goal area, string municipality, CancellationToken ct)
    {
        var period = snapshot.Period;
        var goals = InTreeOrder(snapshot.Goals)
            .Where(g => g.Id != area.Id && snapshot.AreaOf.GetValueOrDefault(g.Id)?.Id == area.Id)
            .Select(g => new GoalView(g.ToDto(), snapshot.AssessmentOf(g.Id), Views(snapshot.IndicatorsByGoal[g.Id])))
            .ToArray();
        var areaIndicators = Views(snapshot.IndicatorsByGoal[area.Id]);
        var all = areaIndicators.Concat(goals.SelectMany(g => g.Indicators)).ToArray();

        return new GoalAreaView(period, await YearsAsync(db, municipality, ct), area.ToDto(),
            all.Select(i => i.Status).ToStatusCounts(), areaIndicators, goals,
            all.Where(i => i.Source == IndicatorSource.Citizen).ToArray(),
            all.Where(i => i.Source == IndicatorSource.Operational).ToArray(),
            await PrioritiesAsync(db, municipality, area.Code, period, ct),
            await FeedbackAsync(db, municipality, area.Code, period, ct));
    }

    static IndicatorView[] Views(IEnumerable<IndicatorEvaluation> evaluations) => evaluations.Select(e => new IndicatorView(
        e.Indicator.Id, e.Indicator.GoalId, e.Indicator.Name, e.Indicator.Source, e.Indicator.SourceKey, e.Indicator.Unit, e.Indicator.Direction,
        e.Value, e.PreviousValue, e.Target, e.Indicator.Tolerance, e.Status, e.Trend, e.Citizen, e.KeyFigure)).ToArray();

    static ValidationProblem? Invalid(HttpContext http, int? year)
    {
        if (year is null) return null;
        var errors = new Errors();
        errors.Period("year", year.Value);
        return errors.Count > 0 ? CodedProblems.Validation(http, errors) : null;
    }

    /// <summary>Years with anything to show: published survey results, key figures of the municipality, or targets.</summary>
    static async Task<int[]> YearsAsync(FollowUpDbContext db, string municipality, CancellationToken ct)
    {
        var survey = await db.CitizenResults.Where(r => r.MunicipalityCode == municipality).Select(r => r.Year).Distinct().ToListAsync(ct);
        var figures = await db.KeyFigureValues.Where(v => v.Municipality == municipality).Select(v => v.Period).Distinct().ToListAsync(ct);
        var targets = await db.IndicatorTargets.Select(t => t.Period).Distinct().ToListAsync(ct);
        return survey.Concat(figures).Concat(targets).Distinct().OrderByDescending(y => y).ToArray();
    }

    /// <summary>
    /// The year's priority-matrix factors tagged with the area, in the order the analyst's matrix table uses: "Prioritera!"
    /// (low score, high effect), "Bevara", "Förbättra om möjligt", "Lägre prioritet"; within a quadrant the larger effect first.
    /// </summary>
    static async Task<PriorityView[]> PrioritiesAsync(FollowUpDbContext db, string municipality, string? code, int year, CancellationToken ct)
    {
        if (code is null) return [];
        var factors = await db.CitizenPriorities.AsNoTracking().Where(p => p.MunicipalityCode == municipality && p.Year == year).ToListAsync(ct);
        return factors
            .Where(p => p.GoalAreaTags.Contains(code, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => UrgencyRank(p.Quadrant)).ThenByDescending(p => p.Effect).ThenBy(p => p.FactorKey, StringComparer.Ordinal)
            .Select(p => new PriorityView(p.OverallKey, p.FactorKey, p.NameSv, p.NameEn, p.Score, p.Effect, p.N, p.Quadrant))
            .ToArray();
    }

    static int UrgencyRank(PriorityQuadrant quadrant) => quadrant switch
    {
        PriorityQuadrant.Prioritera => 0,
        PriorityQuadrant.Bevara => 1,
        PriorityQuadrant.ForbattraOmMojligt => 2,
        _ => 3,
    };

    /// <summary>Feedback in the area: by category this year, and the latest masked texts up to the end of the year.</summary>
    static async Task<FeedbackSummary> FeedbackAsync(FollowUpDbContext db, string municipality, string? code, int year, CancellationToken ct)
    {
        if (code is null) return new FeedbackSummary(0, 0, [], []);
        var counts = await IndicatorEvaluator.FeedbackCountsAsync(db, municipality, [code], [year, year - 1], ct);
        var lower = code.ToLowerInvariant();
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var inArea = db.Feedback.AsNoTracking()
            .Where(f => f.MunicipalityCode == municipality && (f.GoalArea ?? f.Category).ToLower() == lower && f.ReceivedAt < end);
        var byCategory = await inArea.Where(f => f.ReceivedAt >= start).GroupBy(f => f.Category)
            .Select(g => new CategoryCount(g.Key, g.Count())).ToListAsync(ct);
        var recent = await inArea.OrderByDescending(f => f.ReceivedAt).Take(RecentFeedback).ToListAsync(ct);
        return new FeedbackSummary((int)counts[(code, year)], (int)counts[(code, year - 1)],
            byCategory.OrderByDescending(c => c.Count).ThenBy(c => c.Category).ToArray(),
            recent.Select(f => new FeedbackItem(DateOnly.FromDateTime(f.ReceivedAt.UtcDateTime), f.Category, f.District, f.MaskedText)).ToArray());
    }
}
