using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Planning;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.FollowUp.Apis.GoalsApi;

namespace Medborgare.FollowUp.Apis;

/// <summary>
/// The period report (delårsrapport, årsredovisning) for the council: per goal area, the politicians' view of the year and
/// the area's uppdrag with their reports for the period.
/// </summary>
public static class PeriodReportApi
{
    public static IEndpointRouteBuilder MapPeriodReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/followup/period-report/{year:int}/{period}", PeriodReport).WithName("GetPeriodReport").WithTags("Period report")
            .RequireAuthorization(StaffPolicies.Assignments)
            .WithSummary("One goal area (?area=) or every goal area for a year and period: goals, figures, feedback, and the uppdrag with their reports");
        return app;
    }

    static async Task<Results<Ok<PeriodReportDto>, NotFound, ValidationProblem>> PeriodReport(HttpContext http, int year, string period, Guid? area,
        FollowUpDbContext db, IndicatorEvaluator evaluator, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        errors.YearAndPeriod(year, period, out var kind);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var municipality = config.MunicipalityCode();
        var snapshot = await GoalChainSnapshot.LoadAsync(db, evaluator, municipality, year, ct);
        var areas = InTreeOrder(snapshot.Goals).Where(g => g.Level == GoalLevel.GoalArea && (area is null || g.Id == area)).ToList();
        if (area is not null && areas.Count == 0) return TypedResults.NotFound();

        var assignments = await db.Assignments.AsNoTracking().Where(a => a.MunicipalityCode == municipality)
            .OrderBy(a => a.Deadline).ThenBy(a => a.Title).ToListAsync(ct);
        var views = await AssignmentViews.LoadAsync(db, evaluator, municipality, assignments, snapshot.Goals, LatenessRules.Today(clock), (year, kind), ct);
        var result = new List<PeriodReportArea>(areas.Count);
        foreach (var a in areas)
        {
            var view = await PoliticianViewApi.AreaViewAsync(db, snapshot, a, municipality, ct);
            result.Add(new PeriodReportArea(view, views.Where(v => v.Assignment.GoalAreaId == a.Id).ToArray()));
        }
        return TypedResults.Ok(new PeriodReportDto(year, kind, municipality, clock.GetUtcNow(), [.. result]));
    }
}
