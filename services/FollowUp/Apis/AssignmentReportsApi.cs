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

/// <summary>
/// Återrapportering: the responsible officer reports on an uppdrag at each follow-up period. The text, status and author are
/// stored; the indicators are drawn in when the report is read, so that they show the figures as published.
/// </summary>
public static class AssignmentReportsApi
{
    public static IEndpointRouteBuilder MapAssignmentReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assignments/{id:guid}/reports").WithTags("Assignment reports");
        api.MapGet("/{year:int}/{period}", GetReport).WithName("GetAssignmentReport").RequireAuthorization(StaffPolicies.Assignments)
            .WithSummary("The report on an uppdrag for a year and period (Interim or Annual), with its indicators as published now");
        api.MapPut("/{year:int}/{period}", PutReport).WithName("PutAssignmentReport").RequireAuthorization(StaffPolicies.PlanWork)
            .WithSummary("Write the report; its status becomes the uppdrag's status (officers of the responsible committee)");
        return app;
    }

    /// <summary>A follow-up period by name (<c>Interim</c> or <c>Annual</c>, any case); numbers are not names.</summary>
    internal static bool TryParsePeriod(string? text, out ReportPeriod period)
    {
        period = default;
        return !string.IsNullOrEmpty(text) && char.IsAsciiLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period);
    }

    internal static void YearAndPeriod(this Errors errors, int year, string? period, out ReportPeriod parsed)
    {
        errors.Period("year", year);
        if (!TryParsePeriod(period, out parsed))
            errors.Add("period", ReportPeriodUnknown, "Ange perioden Interim (delårsrapport) eller Annual (årsredovisning).",
                "Give the period Interim (delårsrapport) or Annual (årsredovisning).");
    }

    static async Task<Results<Ok<AssignmentReportDto>, NotFound, ValidationProblem>> GetReport(HttpContext http, Guid id, int year, string period,
        FollowUpDbContext db, IndicatorEvaluator evaluator, IConfiguration config, CancellationToken ct)
    {
        var errors = new Errors();
        errors.YearAndPeriod(year, period, out var kind);
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var municipality = config.MunicipalityCode();
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (assignment is null) return TypedResults.NotFound();
        var report = await db.AssignmentReports.AsNoTracking().FirstOrDefaultAsync(r => r.AssignmentId == id && r.Year == year && r.Period == kind, ct);
        if (report is null) return TypedResults.NotFound();
        return TypedResults.Ok(await AssignmentViews.ReportAsync(db, evaluator, municipality, assignment, report, ct));
    }

    static async Task<Results<Ok<AssignmentReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> PutReport(HttpContext http, Guid id, int year,
        string period, AssignmentReportRequest request, FollowUpDbContext db, IndicatorEvaluator evaluator, IConfiguration config, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Errors();
        errors.YearAndPeriod(year, period, out var kind);
        errors.Text("done", request.Done, 8000);
        if (request.Status is not { } status) errors.Add("status", Required, "Ange uppdragets status.", "Give the uppdrag's status.");
        else if (!Enum.IsDefined(status)) errors.Add("status", StatusUnknown, "Okänd status.", "Unknown status.");
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var municipality = config.MunicipalityCode();
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id && a.MunicipalityCode == municipality, ct);
        if (assignment is null) return TypedResults.NotFound();
        if (!user.MayPlanFor(assignment.ResponsibleCommittee)) return ActionPlansApi.NotYours(http, assignment.ResponsibleCommittee);

        var now = clock.GetUtcNow();
        var report = await db.AssignmentReports.FirstOrDefaultAsync(r => r.AssignmentId == id && r.Year == year && r.Period == kind, ct);
        if (report is null)
        {
            db.AssignmentReports.Add(report = new AssignmentReport
            {
                Id = Guid.CreateVersion7(), AssignmentId = id, Year = year, Period = kind, Done = "", WrittenBy = "",
            });
        }
        report.Done = request.Done!.Trim();
        report.Status = request.Status!.Value;
        report.WrittenBy = user.Name();
        report.WrittenAt = now;
        assignment.Status = report.Status;
        assignment.UpdatedAt = now;
        db.Audit(user, "assignment.reported", $"{id} {year} {kind}: {report.Status}", clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<AssignmentReport>().Any(e => e.State == EntityState.Added))
        {
            // Two officers wrote the first report of the period at once: the unique key kept one; the later one wins, as an update.
            db.ChangeTracker.Clear();
            return await PutReport(http, id, year, period, request, db, evaluator, config, clock, user, ct);
        }
        return TypedResults.Ok(await AssignmentViews.ReportAsync(db, evaluator, municipality, assignment, report, ct));
    }
}
