using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Apis;

/// <summary>Public: which surveys are open and what they ask. Nothing here identifies anyone.</summary>
public static class OpenSurveysApi
{
    public static IEndpointRouteBuilder MapOpenSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").WithTags("Open surveys").AllowAnonymous();

        api.MapGet("/", ListOpenSurveys).WithName("ListOpenSurveys").WithSummary("Surveys open for answers");
        api.MapGet("/{id:guid}", GetQuestionnaire).WithName("GetQuestionnaire").WithSummary("The frozen questionnaire of an open survey");

        return app;
    }

    static async Task<Ok<OpenSurvey[]>> ListOpenSurveys(CollectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Surveys.AsNoTracking()
            .Where(s => s.ClosedAt == null)
            .OrderByDescending(s => s.Year)
            .Select(s => new OpenSurvey(s.SurveyId, s.MunicipalityCode, s.Year, s.TitleSv, s.TitleEn, s.PublishedAt))
            .ToArrayAsync(ct));

    static async Task<Results<Ok<PublishedSurvey>, NotFound>> GetQuestionnaire(Guid id, CollectionDbContext db, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SurveyId == id && s.ClosedAt == null, ct);
        if (survey is null) return TypedResults.NotFound();
        var questionnaire = StoredJson.Questionnaire(survey.Questionnaire);
        return TypedResults.Ok(new PublishedSurvey(survey.SurveyId, survey.Year, questionnaire));
    }
}
