using Medborgare.FollowUp.Infrastructure;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Apis;

public static class SurveyYearsApi
{
    public static IEndpointRouteBuilder MapSurveyYearsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").WithTags("Survey years").RequireAuthorization(StaffPolicies.Politician);

        api.MapGet("/", ListSurveyYears).WithName("ListSurveyYears").WithSummary("Survey years known to the goal follow-up");

        return app;
    }

    static async Task<Ok<SurveyYearDto[]>> ListSurveyYears(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.SurveyYears.AsNoTracking().OrderByDescending(s => s.Year)
            .Select(s => new SurveyYearDto(s.SurveyId, s.MunicipalityCode, s.Year, s.TitleSv, s.PublishedAt, s.ResultsPublishedAt != null))
            .ToArrayAsync(ct));
}
