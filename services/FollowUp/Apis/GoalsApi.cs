using System.Security.Claims;
using System.Text.RegularExpressions;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Routing;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>The goal chain (styrkedja): vision → målområde → kommunfullmäktiges mål → nämndmål. Admin edits it.</summary>
public static partial class GoalsApi
{
    public static IEndpointRouteBuilder MapGoalsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/goals").WithTags("Goals").RequireAuthorization(StaffPolicies.Politician);
        read.MapGet("/", ListGoals).WithName("ListGoals").WithSummary("The whole goal chain, in order (parents before children)");
        read.MapGet("/{id:guid}", GetGoal).WithName("GetGoal").WithSummary("One goal");

        var write = app.MapGroup("/api/goals").WithTags("Goals").RequireAuthorization(StaffPolicies.Admin);
        write.MapPost("/", CreateGoal).WithName("CreateGoal")
            .WithSummary("Add a vision, goal area (needs a code), council goal or committee goal under a parent one level up");
        write.MapPut("/{id:guid}", UpdateGoal).WithName("UpdateGoal").WithSummary("Change a goal's text, owner, order, code or parent (the level stays)");
        write.MapDelete("/{id:guid}", DeleteGoal).WithName("DeleteGoal").WithSummary("Delete a goal that has no sub-goals and no indicators");
        return app;
    }

    internal static GoalDto ToDto(this Goal g) => new(g.Id, g.Level, g.ParentId, g.Code, g.Title, g.Text, g.ResponsibleBody, g.SortOrder, g.UpdatedAt);

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,49}$")]
    private static partial Regex CodePattern();

    static async Task<Ok<GoalDto[]>> ListGoals(FollowUpDbContext db, IConfiguration config, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.MunicipalityCode == config.MunicipalityCode()).ToListAsync(ct);
        return TypedResults.Ok(InTreeOrder(goals).Select(ToDto).ToArray());
    }

    /// <summary>Depth first, siblings by sort order then title.</summary>
    internal static IEnumerable<Goal> InTreeOrder(IReadOnlyList<Goal> goals)
    {
        var children = goals.ToLookup(g => g.ParentId);
        IEnumerable<Goal> Walk(Guid? parent) => children[parent]
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Title, StringComparer.Ordinal)
            .SelectMany(g => Walk(g.Id).Prepend(g));
        return Walk(null);
    }

    static async Task<Results<Ok<GoalDto>, NotFound>> GetGoal(Guid id, FollowUpDbContext db, IConfiguration config, CancellationToken ct) =>
        await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.MunicipalityCode == config.MunicipalityCode(), ct) is { } goal
            ? TypedResults.Ok(goal.ToDto())
            : TypedResults.NotFound();

    static async Task<Results<Created<GoalDto>, ValidationProblem>> CreateGoal(HttpContext http, GoalRequest request, FollowUpDbContext db,
        IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var errors = new Errors();
        if (request.Level is null) errors.Add("level", LevelRequired, "Ange nivå: Vision, GoalArea, CouncilGoal eller CommitteeGoal.", "Give the level: Vision, GoalArea, CouncilGoal or CommitteeGoal.");
        else await ValidateAsync(request, request.Level.Value, null, municipality, db, errors, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var now = clock.GetUtcNow();
        var goal = new Goal
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = municipality,
            Level = request.Level!.Value,
            Title = "",
            ResponsibleBody = "",
            CreatedAt = now,
        };
        Apply(goal, request, now);
        db.Goals.Add(goal);
        GoalAreaResponsibility.AnnounceIfChanged(db, goal, clock);
        db.Audit(user, "goal.created", $"{goal.Level} {goal.Id}: {goal.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/goals/{goal.Id}", goal.ToDto());
    }

    static async Task<Results<Ok<GoalDto>, NotFound, ValidationProblem>> UpdateGoal(HttpContext http, Guid id, GoalRequest request, FollowUpDbContext db,
        IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id && g.MunicipalityCode == municipality, ct);
        if (goal is null) return TypedResults.NotFound();
        var errors = new Errors();
        if (request.Level is { } level && level != goal.Level) errors.Add("level", LevelFixed, "Nivån kan inte ändras. Skapa ett nytt mål i stället.", "The level cannot change. Create a new goal instead.");
        await ValidateAsync(request, goal.Level, goal.Id, municipality, db, errors, ct);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        Apply(goal, request, clock.GetUtcNow());
        GoalAreaResponsibility.AnnounceIfChanged(db, goal, clock);
        db.Audit(user, "goal.updated", $"{goal.Level} {goal.Id}: {goal.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(goal.ToDto());
    }

    static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteGoal(HttpContext http, Guid id, FollowUpDbContext db, IConfiguration config,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id && g.MunicipalityCode == config.MunicipalityCode(), ct);
        if (goal is null) return TypedResults.NotFound();
        if (await db.Goals.AnyAsync(g => g.ParentId == id, ct))
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "goal-has-children", new("Målet har undermål", "The goal has subgoals"),
                new("Ta bort eller flytta undermålen först.", "Delete or move the subgoals first."));
        }
        if (await db.Indicators.AnyAsync(i => i.GoalId == id, ct))
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "goal-has-indicators", new("Målet har indikatorer", "The goal has indicators"),
                new("Ta bort eller flytta indikatorerna först.", "Delete or move the indicators first."));
        }
        if (await db.Assignments.AnyAsync(a => a.GoalId == id, ct) || await db.PlanActivities.AnyAsync(a => a.GoalId == id, ct))
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "goal-has-assignments", new("Målet har uppdrag eller aktiviteter", "The goal has uppdrag or activities"),
                new("Uppdrag och handlingsplaner är politikernas och förvaltningens underlag och tas inte bort med målet.",
                    "Uppdrag and action plans are the record of politicians and administration and are not deleted with the goal."));
        }
        db.Goals.Remove(goal);
        db.Audit(user, "goal.deleted", $"{goal.Level} {goal.Id}: {goal.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static void Apply(Goal goal, GoalRequest request, DateTimeOffset now)
    {
        goal.ParentId = goal.Level == GoalLevel.Vision ? null : request.ParentId;
        goal.Code = goal.Level == GoalLevel.GoalArea ? request.Code!.Trim() : null;
        goal.Title = request.Title!.Trim();
        goal.Text = request.Text?.Trim() ?? "";
        goal.ResponsibleBody = request.ResponsibleBody!.Trim();
        goal.SortOrder = request.SortOrder ?? 0;
        goal.UpdatedAt = now;
    }

    static async Task ValidateAsync(GoalRequest request, GoalLevel level, Guid? self, string municipality, FollowUpDbContext db, Errors errors, CancellationToken ct)
    {
        if (!Enum.IsDefined(level)) { errors.Add("level", LevelUnknown, "Okänd nivå.", "Unknown level."); return; }
        errors.Text("title", request.Title, 300);
        errors.Text("text", request.Text, 4000, required: false);
        errors.Text("responsibleBody", request.ResponsibleBody, 200);
        if (request.SortOrder is < 0 or > 100_000) errors.Add("sortOrder", SortOrderOutOfRange, "Ordningen ska vara mellan 0 och 100000.", "The order must be between 0 and 100000.");

        if (level == GoalLevel.GoalArea)
        {
            var code = request.Code?.Trim();
            if (string.IsNullOrEmpty(code) || !CodePattern().IsMatch(code))
            {
                errors.Add("code", GoalAreaCodeInvalid, "Ett målområde behöver en kod med små bokstäver, siffror, '-', '_' eller '.' (högst 50 tecken), t.ex. 'trygghet'.",
                    "A goal area needs a code of lower-case letters, digits, '-', '_' or '.' (at most 50 characters), e.g. 'trygghet'.");
            }
            else if (await db.Goals.AnyAsync(g => g.MunicipalityCode == municipality && g.Code == code && g.Id != self, ct))
            {
                errors.Add("code", GoalAreaCodeTaken, $"Koden '{code}' används redan av ett annat målområde.", $"The code '{code}' is already used by another goal area.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.Code))
        {
            errors.Add("code", CodeOnlyForGoalAreas, "Bara målområden har kod.", "Only goal areas have a code.");
        }

        if (level == GoalLevel.Vision)
        {
            if (request.ParentId is not null) errors.Add("parentId", VisionHasNoParent, "En vision ligger överst och har ingen överordnad nivå.", "A vision is at the top and has no parent.");
            return;
        }
        if (request.ParentId is not { } parentId)
        {
            errors.Add("parentId", ParentRequired, $"Ange överordnat mål ({level - 1}).", $"Give the parent goal ({level - 1}).");
            return;
        }
        var parent = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == parentId && g.MunicipalityCode == municipality, ct);
        if (parent is null) errors.Add("parentId", ParentUnknown, "Det överordnade målet finns inte.", "The parent goal does not exist.");
        else if (parent.Level != level - 1) errors.Add("parentId", ParentWrongLevel, $"Ett {level} ska ligga under ett {level - 1}, inte under ett {parent.Level}.",
            $"A {level} belongs under a {level - 1}, not under a {parent.Level}.");
    }
}
