using System.Security.Claims;
using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Planning;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>Uppdrag: politicians (KF, KS or a committee) give the responsible committee an assignment under a goal.</summary>
public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/assignments").WithTags("Assignments").RequireAuthorization(StaffPolicies.Assignments);
        read.MapGet("/", ListAssignments).WithName("ListAssignments")
            .WithSummary("Uppdrag, filtered by goal area (its whole subtree), responsible committee or status");
        read.MapGet("/{id:guid}", GetAssignment).WithName("GetAssignment").WithSummary("One uppdrag with its activities and reports");

        var write = app.MapGroup("/api/assignments").WithTags("Assignments").RequireAuthorization(StaffPolicies.GiveAssignments);
        write.MapPost("/", CreateAssignment).WithName("CreateAssignment")
            .WithSummary("Give an uppdrag under a goal (any level below the vision), optionally prompted by a citizen priority");
        write.MapPut("/{id:guid}", UpdateAssignment).WithName("UpdateAssignment").WithSummary("Change an uppdrag");
        return app;
    }

    static async Task<Results<Ok<AssignmentDto[]>, ValidationProblem>> ListAssignments(HttpContext http, Guid? goalAreaId, string? committee, string? status,
        FollowUpDbContext db, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        WorkStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ParseStatus(status, out var parsed))
                return CodedProblems.Validation(http, "status", new FieldError(StatusUnknown, "Okänd status.", "Unknown status."));
            wanted = parsed;
        }
        var municipality = config.MunicipalityCode();
        var goals = await db.GoalsAsync(municipality, ct);
        var query = db.Assignments.AsNoTracking().Where(a => a.MunicipalityCode == municipality);
        if (!string.IsNullOrWhiteSpace(committee)) query = query.Where(a => a.ResponsibleCommittee == committee.Trim());
        if (wanted is { } w) query = query.Where(a => a.Status == w);
        var list = await query.OrderBy(a => a.Deadline).ThenBy(a => a.Title).ToListAsync(ct);
        if (goalAreaId is { } areaId)
        {
            var areaOf = IndicatorEvaluator.GoalAreas(goals);
            list = list.Where(a => areaOf.GetValueOrDefault(a.GoalId)?.Id == areaId).ToList();
        }
        var today = LatenessRules.Today(clock);
        return TypedResults.Ok(list.Select(a => a.ToDto(goals, today)).ToArray());
    }

    /// <summary>A status by name (any case); numbers are not names.</summary>
    internal static bool ParseStatus(string text, out WorkStatus status)
    {
        status = default;
        return char.IsAsciiLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    static async Task<Results<Ok<AssignmentView>, NotFound>> GetAssignment(Guid id, FollowUpDbContext db, IndicatorEvaluator evaluator,
        IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (assignment is null) return TypedResults.NotFound();
        var goals = await db.GoalsAsync(municipality, ct);
        var views = await AssignmentViews.LoadAsync(db, evaluator, municipality, [assignment], goals, LatenessRules.Today(clock), null, ct);
        return TypedResults.Ok(views[0]);
    }

    static async Task<Results<Created<AssignmentDto>, ValidationProblem>> CreateAssignment(HttpContext http, AssignmentRequest request,
        FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var goals = await db.GoalsAsync(municipality, ct);
        var errors = Validate(request, goals);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var now = clock.GetUtcNow();
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = municipality,
            Title = "",
            GivenBy = "",
            ResponsibleCommittee = "",
            CreatedBy = user.Name(),
            CreatedAt = now,
        };
        Apply(assignment, request, now);
        db.Assignments.Add(assignment);
        db.Audit(user, "assignment.created", $"{assignment.Id} ({assignment.GivenBy} → {assignment.ResponsibleCommittee}): {assignment.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/assignments/{assignment.Id}", assignment.ToDto(goals, LatenessRules.Today(clock)));
    }

    static async Task<Results<Ok<AssignmentDto>, NotFound, ValidationProblem>> UpdateAssignment(HttpContext http, Guid id, AssignmentRequest request,
        FollowUpDbContext db, IConfiguration config, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (assignment is null) return TypedResults.NotFound();
        var goals = await db.GoalsAsync(municipality, ct);
        var errors = Validate(request, goals);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        Apply(assignment, request, clock.GetUtcNow());
        db.Audit(user, "assignment.updated", $"{assignment.Id} ({assignment.Status}): {assignment.Title}", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(assignment.ToDto(goals, LatenessRules.Today(clock)));
    }

    static void Apply(Assignment a, AssignmentRequest request, DateTimeOffset now)
    {
        a.GoalId = request.GoalId!.Value;
        a.Title = request.Title!.Trim();
        a.Text = request.Text?.Trim() ?? "";
        a.GivenBy = request.GivenBy!.Trim();
        a.ResponsibleCommittee = request.ResponsibleCommittee!.Trim();
        a.Deadline = request.Deadline!.Value;
        a.Status = request.Status ?? a.Status;
        var p = request.Prompt;
        a.PromptSurveyYear = p?.SurveyYear;
        a.PromptIndicatorKey = Trimmed(p?.IndicatorKey);
        a.PromptOverallKey = Trimmed(p?.OverallKey);
        a.PromptFactorKey = Trimmed(p?.FactorKey);
        a.PromptFactorName = Trimmed(p?.FactorName);
        a.PromptScore = p?.Score;
        a.PromptEffect = p?.Effect;
        a.UpdatedAt = now;
    }

    static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static Errors Validate(AssignmentRequest request, IReadOnlyList<Goal> goals)
    {
        var errors = new Errors();
        if (request.GoalId is not { } goalId) errors.Add("goalId", GoalRequired, "Ange målet uppdraget hör till.", "Give the goal the uppdrag belongs to.");
        else if (goals.FirstOrDefault(g => g.Id == goalId) is not { } goal) errors.Add("goalId", GoalUnknown, "Målet finns inte.", "The goal does not exist.");
        else if (goal.Level == GoalLevel.Vision) errors.Add("goalId", GoalIsVision, "Ett uppdrag hör till ett mål under visionen.", "An uppdrag belongs to a goal below the vision.");
        errors.Text("title", request.Title, 300);
        errors.Text("text", request.Text, 4000, required: false);
        errors.Text("givenBy", request.GivenBy, 200);
        errors.Text("responsibleCommittee", request.ResponsibleCommittee, 200);
        if (request.Deadline is not { } deadline) errors.Add("deadline", DeadlineRequired, "Ange när uppdraget ska vara klart.", "Give the deadline.");
        else errors.Date("deadline", deadline);
        if (request.Status is { } s && !Enum.IsDefined(s)) errors.Add("status", StatusUnknown, "Okänd status.", "Unknown status.");
        if (request.Prompt is { } p)
        {
            if (p.SurveyYear is { } year) errors.Period("prompt.surveyYear", year);
            foreach (var (field, value) in new[] { ("indicatorKey", p.IndicatorKey), ("overallKey", p.OverallKey), ("factorKey", p.FactorKey) })
                errors.Text($"prompt.{field}", value, 100, required: false);
            errors.Text("prompt.factorName", p.FactorName, 200, required: false);
            if (p.Score is { } score && !double.IsFinite(score) || p.Effect is { } effect && !double.IsFinite(effect))
                errors.Add("prompt", PromptInvalid, "Värdena ska vara tal.", "The values must be numbers.");
        }
        return errors;
    }
}
