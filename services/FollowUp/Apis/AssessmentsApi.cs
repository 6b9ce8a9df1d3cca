using System.Security.Claims;
using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>
/// Goal assessments (måluppfyllelse) per period: the proposal from the indicators, and the responsible officer's
/// override with an analysis text. Both are kept with who and when.
/// </summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/goals/{id:guid}/assessments").WithTags("Goal assessments");
        api.MapGet("/{period:int}", GetAssessment).WithName("GetGoalAssessment").RequireAuthorization(StaffPolicies.Politician)
            .WithSummary("The goal's proposed assessment for a year from its indicators, and the officer's override if any");
        api.MapPut("/{period:int}", OverrideAssessment).WithName("OverrideGoalAssessment").RequireAuthorization(StaffPolicies.Analyst)
            .WithSummary("The responsible officer sets the assessment (or null to follow the proposal) with an analysis text; the proposal is kept beside it");
        return app;
    }

    internal static StatusCounts ToStatusCounts(this IEnumerable<IndicatorStatus> statuses)
    {
        var list = statuses.ToList();
        return new(list.Count(s => s == IndicatorStatus.Green), list.Count(s => s == IndicatorStatus.Yellow),
            list.Count(s => s == IndicatorStatus.Red), list.Count(s => s == IndicatorStatus.Grey));
    }

    /// <summary>The goal's assessment for the snapshot's period: the proposal, the override if any, and its indicators' statuses.</summary>
    internal static AssessmentDto AssessmentOf(this GoalChainSnapshot snapshot, Guid goalId)
    {
        var proposed = snapshot.Proposal(goalId);
        var stored = snapshot.Stored.GetValueOrDefault(goalId);
        var effective = stored?.Override ?? proposed;
        var words = Wording.Assessment(effective);
        return new AssessmentDto(goalId, snapshot.Period, proposed, stored?.Override, effective, words.Sv, words.En, stored?.AnalysisText,
            stored?.Proposed, stored?.ProposedBy, stored?.ProposedAt, stored?.OverriddenBy, stored?.OverriddenAt,
            snapshot.IndicatorsByGoal[goalId].Select(e => e.Status).ToStatusCounts());
    }

    static async Task<Results<Ok<AssessmentDto>, NotFound, ValidationProblem>> GetAssessment(HttpContext http, Guid id, int period, FollowUpDbContext db,
        IndicatorEvaluator evaluator, IConfiguration config, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Period("period", period);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var snapshot = await GoalChainSnapshot.LoadAsync(db, evaluator, config.MunicipalityCode(), period, ct);
        if (snapshot.Goals.All(g => g.Id != id)) return TypedResults.NotFound();
        return TypedResults.Ok(snapshot.AssessmentOf(id));
    }

    static async Task<Results<Ok<AssessmentDto>, NotFound, ValidationProblem>> OverrideAssessment(HttpContext http, Guid id, int period, OverrideRequest request,
        FollowUpDbContext db, IndicatorEvaluator evaluator, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Period("period", period);
        errors.Text("analysisText", request.AnalysisText, 8000);
        if (request.Assessment is { } a && !Enum.IsDefined(a)) errors.Add("assessment", AssessmentUnknown, "Ange Met, PartlyMet, NotMet eller null.", "Give Met, PartlyMet, NotMet or null.");
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var snapshot = await GoalChainSnapshot.LoadAsync(db, evaluator, config.MunicipalityCode(), period, ct);
        if (snapshot.Goals.FirstOrDefault(g => g.Id == id) is not { } goal) return TypedResults.NotFound();
        if (goal.Level == GoalLevel.Vision)
        {
            errors.Add("id", VisionNotAssessed, "Visionen bedöms inte.", "The vision is not assessed.");
            return CodedProblems.Validation(http, errors);
        }

        var now = clock.GetUtcNow();
        var row = await db.GoalAssessments.FindAsync([id, period], ct);
        if (row is null) db.GoalAssessments.Add(row = new GoalAssessment { GoalId = id, Period = period, ProposedBy = "" });
        AssessmentRules.UpdateProposal(row, snapshot.Proposal(id), now);
        AssessmentRules.ApplyOverride(row, request.Assessment, request.AnalysisText, user.Name(), now);
        db.Audit(user, "goal.assessed", $"{id} {period}: proposed {row.Proposed?.ToString() ?? "none"}, set {row.Override?.ToString() ?? "(follows proposal)"}", clock);
        await db.SaveChangesAsync(ct);

        var stored = new Dictionary<Guid, GoalAssessment>(snapshot.Stored) { [id] = row };
        return TypedResults.Ok((snapshot with { Stored = stored }).AssessmentOf(id));
    }
}
