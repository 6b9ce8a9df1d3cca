using System.Security.Claims;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Planning;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>
/// Action plans (handlingsplaner): the administration's activities for an uppdrag or a nämndmål. Officers write them for their
/// own committee's uppdrag and goals; administrators for all.
/// </summary>
public static class ActionPlansApi
{
    const int MaxIndicators = 20;

    public static IEndpointRouteBuilder MapActionPlansApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Action plans").RequireAuthorization(StaffPolicies.Assignments);
        read.MapGet("/assignments/{id:guid}/plan", AssignmentPlan).WithName("GetAssignmentPlan").WithSummary("An uppdrag's action plan, with lateness as of today");
        read.MapGet("/goals/{goalId:guid}/plan", GoalPlan).WithName("GetGoalPlan").WithSummary("A nämndmål's own action plan, with lateness as of today");

        var write = app.MapGroup("/api").WithTags("Action plans").RequireAuthorization(StaffPolicies.PlanWork);
        write.MapPost("/assignments/{id:guid}/activities", AddToAssignment).WithName("AddAssignmentActivity")
            .WithSummary("Add an activity to an uppdrag's plan (officers of the responsible committee)");
        write.MapPost("/goals/{goalId:guid}/activities", AddToGoal).WithName("AddGoalActivity")
            .WithSummary("Add an activity to a nämndmål's plan (officers of the goal's committee)");
        write.MapPut("/activities/{id:guid}", UpdateActivity).WithName("UpdateActivity").WithSummary("Change an activity");
        write.MapDelete("/activities/{id:guid}", DeleteActivity).WithName("DeleteActivity").WithSummary("Delete an activity");
        return app;
    }

    internal static ProblemHttpResult NotYours(HttpContext http, string committee) =>
        CodedProblems.Problem(http, StatusCodes.Status403Forbidden, NotYourCommittee, new("Inte din nämnds uppdrag", "Not your committee's uppdrag"),
            new($"Bara tjänstepersoner i {committee} kan skriva här.", $"Only officers of {committee} can write here."));

    static async Task<Results<Ok<ActionPlanDto>, NotFound>> AssignmentPlan(Guid id, FollowUpDbContext db, IConfiguration config, TimeProvider clock,
        CancellationToken ct)
    {
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == config.MunicipalityCode(), ct);
        if (assignment is null) return TypedResults.NotFound();
        var activities = await db.PlanActivities.AsNoTracking().Where(a => a.AssignmentId == id).OrderBy(a => a.Start).ThenBy(a => a.Title).ToListAsync(ct);
        var today = LatenessRules.Today(clock);
        return TypedResults.Ok(new ActionPlanDto(id, assignment.GoalId, assignment.Title, assignment.ResponsibleCommittee, today,
            activities.Select(a => a.ToDto(today)).ToArray()));
    }

    static async Task<Results<Ok<ActionPlanDto>, NotFound, ValidationProblem>> GoalPlan(HttpContext http, Guid goalId, FollowUpDbContext db,
        IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId && g.MunicipalityCode == config.MunicipalityCode(), ct);
        if (goal is null) return TypedResults.NotFound();
        if (goal.Level != GoalLevel.CommitteeGoal) return NotCommitteeGoal(http);
        var activities = await db.PlanActivities.AsNoTracking().Where(a => a.GoalId == goalId).OrderBy(a => a.Start).ThenBy(a => a.Title).ToListAsync(ct);
        var today = LatenessRules.Today(clock);
        return TypedResults.Ok(new ActionPlanDto(null, goalId, goal.Title, goal.ResponsibleBody, today, activities.Select(a => a.ToDto(today)).ToArray()));
    }

    static ValidationProblem NotCommitteeGoal(HttpContext http) => CodedProblems.Validation(http, "goalId",
        new FieldError(GoalNotCommitteeGoal, "En egen handlingsplan hör till ett nämndmål.", "A plan of its own belongs to a committee goal (nämndmål)."));

    static async Task<Results<Created<ActivityDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddToAssignment(HttpContext http, Guid id,
        ActivityRequest request, FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (assignment is null) return TypedResults.NotFound();
        if (!user.MayPlanFor(assignment.ResponsibleCommittee)) return NotYours(http, assignment.ResponsibleCommittee);
        return await AddAsync(http, request, municipality, id, null, db, clock, user, ct);
    }

    static async Task<Results<Created<ActivityDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddToGoal(HttpContext http, Guid goalId,
        ActivityRequest request, FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId && g.MunicipalityCode == municipality, ct);
        if (goal is null) return TypedResults.NotFound();
        if (goal.Level != GoalLevel.CommitteeGoal) return NotCommitteeGoal(http);
        if (!user.MayPlanFor(goal.ResponsibleBody)) return NotYours(http, goal.ResponsibleBody);
        return await AddAsync(http, request, municipality, null, goalId, db, clock, user, ct);
    }

    static async Task<Results<Created<ActivityDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(HttpContext http, ActivityRequest request,
        string municipality, Guid? assignmentId, Guid? goalId, FollowUpDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = await ValidateAsync(request, municipality, db, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var now = clock.GetUtcNow();
        var activity = new PlanActivity
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = municipality,
            AssignmentId = assignmentId,
            GoalId = goalId,
            Title = "",
            Owner = "",
            CreatedAt = now,
        };
        Apply(activity, request, now);
        db.PlanActivities.Add(activity);
        db.Audit(user, "activity.created", $"{activity.Id} under {(object?)assignmentId ?? goalId}: {activity.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/activities/{activity.Id}", activity.ToDto(LatenessRules.Today(clock)));
    }

    static async Task<Results<Ok<ActivityDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateActivity(HttpContext http, Guid id,
        ActivityRequest request, FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var activity = await db.PlanActivities.FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (activity is null) return TypedResults.NotFound();
        var committee = await CommitteeOfAsync(db, activity, ct);
        if (!user.MayPlanFor(committee)) return NotYours(http, committee);
        var errors = await ValidateAsync(request, municipality, db, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        Apply(activity, request, clock.GetUtcNow());
        db.Audit(user, "activity.updated", $"{activity.Id} ({activity.Status}): {activity.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(activity.ToDto(LatenessRules.Today(clock)));
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteActivity(HttpContext http, Guid id, FollowUpDbContext db,
        IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var activity = await db.PlanActivities.FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == config.MunicipalityCode(), ct);
        if (activity is null) return TypedResults.NotFound();
        var committee = await CommitteeOfAsync(db, activity, ct);
        if (!user.MayPlanFor(committee)) return NotYours(http, committee);
        db.PlanActivities.Remove(activity);
        db.Audit(user, "activity.deleted", $"{activity.Id}: {activity.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The committee responsible for the plan the activity belongs to: the uppdrag's, or the nämndmål's.</summary>
    static async Task<string> CommitteeOfAsync(FollowUpDbContext db, PlanActivity activity, CancellationToken ct) =>
        activity.AssignmentId is { } assignmentId
            ? await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.ResponsibleCommittee).FirstAsync(ct)
            : await db.Goals.Where(g => g.Id == activity.GoalId).Select(g => g.ResponsibleBody).FirstAsync(ct);

    static void Apply(PlanActivity activity, ActivityRequest request, DateTimeOffset now)
    {
        activity.Title = request.Title!.Trim();
        activity.Owner = request.Owner!.Trim();
        activity.Start = request.Start!.Value;
        activity.End = request.End!.Value;
        activity.Status = request.Status ?? activity.Status;
        activity.IndicatorIds = (request.IndicatorIds ?? []).Distinct().ToList();
        activity.UpdatedAt = now;
    }

    static async Task<Errors> ValidateAsync(ActivityRequest request, string municipality, FollowUpDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        errors.Text("title", request.Title, 300);
        errors.Text("owner", request.Owner, 200);
        if (request.Start is not { } start) errors.Add("start", DateRequired, "Ange startdatum.", "Give the start date.");
        else errors.Date("start", start);
        if (request.End is not { } end) errors.Add("end", DateRequired, "Ange slutdatum.", "Give the end date.");
        else errors.Date("end", end);
        if (request.Start is { } s && request.End is { } e && e < s) errors.Add("end", EndBeforeStart, "Slutdatum ligger före startdatum.", "The end is before the start.");
        if (request.Status is { } status && !Enum.IsDefined(status)) errors.Add("status", StatusUnknown, "Okänd status.", "Unknown status.");
        var ids = (request.IndicatorIds ?? []).Distinct().ToArray();
        if (ids.Length > MaxIndicators) errors.Add("indicatorIds", TooManyIndicators, $"Högst {MaxIndicators} mätetal.", $"At most {MaxIndicators} indicators.");
        else if (ids.Length > 0)
        {
            var known = await db.Indicators.Where(i => i.MunicipalityCode == municipality && ids.Contains(i.Id)).CountAsync(ct);
            if (known != ids.Length) errors.Add("indicatorIds", IndicatorUnknown, "Ett eller flera mätetal finns inte.", "One or more indicators do not exist.");
        }
        return errors;
    }
}
