using System.Security.Claims;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Purge;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Apis;

public static class PurgeApi
{
    public static IEndpointRouteBuilder MapPurgeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/surveys/{id:guid}/purge", PurgeNow).WithTags("Surveys").RequireAuthorization(StaffPolicies.Analyst)
            .WithName("PurgeNow").WithSummary("Run the purge now for a closed survey whose retention period has passed");
        return app;
    }

    static async Task<Results<Ok<SurveyDto>, NotFound, ProblemHttpResult>> PurgeNow(
        Guid id, HttpContext http, DistributionDbContext db, PersonalDataPurge purge, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (!PersonalDataPurge.IsDue(survey, clock.GetUtcNow()))
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "purge-not-due", new("Inte dags än", "Not yet due"),
                survey.PurgedAt is not null ? new("Personuppgifterna är redan gallrade.", "Personal data has already been purged.")
                    : new("Personuppgifterna gallras när enkäten är stängd och gallringsfristen har gått ut.",
                        "Personal data is purged when the survey is closed and its retention period has passed."));
        }
        await purge.PurgeDueSurveysAsync(ct);
        var purged = await db.Surveys.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        return TypedResults.Ok(purged.ToDto());
    }
}
