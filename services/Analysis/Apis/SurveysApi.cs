using Medborgare.Analysis.Infrastructure;
using Medborgare.ApiContracts.Analysis;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Apis;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", ListSurveys).WithName("ListAnalysedSurveys").WithSummary("Published surveys known to Analysis, by year");
        api.MapGet("/{id:guid}", GetSurvey).WithName("GetAnalysedSurvey").WithSummary("One published survey");
        api.MapGet("/{id:guid}/respondents", GetRespondents).WithName("GetRespondents")
            .WithSummary("Respondents counted so far, in total and per district (live during fieldwork)");

        return app;
    }

    static async Task<Results<Ok<RespondentCount>, NotFound>> GetRespondents(Guid id, AnalysisDbContext db, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.SurveyId == id, ct)) return TypedResults.NotFound();
        // While the survey's statistics wait for a rebuild, its raw responses are counted instead.
        var byDistrict = await db.StatisticsRebuilds.AnyAsync(r => r.SurveyId == id, ct)
            ? await db.Responses.Where(r => r.SurveyId == id).GroupBy(r => r.District)
                .Select(g => new { g.Key, N = (long)g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct)
            : await db.CellStatistics.Where(c => c.SurveyId == id).GroupBy(c => c.District)
                .Select(g => new { g.Key, N = g.Sum(c => c.Respondents) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return TypedResults.Ok(new RespondentCount(byDistrict.Values.Sum(), byDistrict));
    }

    static async Task<Ok<AnalysedSurveyDto[]>> ListSurveys(AnalysisDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year)
            .Select(s => new AnalysedSurveyDto(s.SurveyId, s.MunicipalityCode, s.Year, s.TitleSv, s.PublishedAt))
            .ToArrayAsync(ct));

    static async Task<Results<Ok<AnalysedSurveyDto>, NotFound>> GetSurvey(Guid id, AnalysisDbContext db, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().Where(s => s.SurveyId == id)
            .Select(s => new AnalysedSurveyDto(s.SurveyId, s.MunicipalityCode, s.Year, s.TitleSv, s.PublishedAt))
            .FirstOrDefaultAsync(ct) is { } dto
            ? TypedResults.Ok(dto)
            : TypedResults.NotFound();
}
