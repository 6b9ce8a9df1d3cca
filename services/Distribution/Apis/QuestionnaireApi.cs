using System.Security.Claims;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.Distribution.Questionnaires;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Apis;

/// <summary>Reading and editing a draft's questionnaire. Publishing freezes it.</summary>
public static class QuestionnaireApi
{
    public static IEndpointRouteBuilder MapQuestionnaireApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}/questionnaire").WithTags("Questionnaire").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", GetQuestionnaire).WithName("GetDraftQuestionnaire").WithSummary("The survey's questionnaire");
        api.MapPut("/", ReplaceQuestionnaire).WithName("ReplaceQuestionnaire")
            .WithSummary("Replace a draft's questionnaire; an invalid one is refused with every problem listed");
        api.MapPost("/validate", ValidateQuestionnaire).WithName("ValidateQuestionnaire").WithSummary("Check a questionnaire without saving it");

        return app;
    }

    static async Task<Results<Ok<QuestionnaireSnapshot>, NotFound>> GetQuestionnaire(Guid id, DistributionDbContext db, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey
            ? TypedResults.Ok(survey.ReadQuestionnaire())
            : TypedResults.NotFound();

    static async Task<Results<Ok<QuestionnaireSnapshot>, NotFound, ValidationProblem, ProblemHttpResult>> ReplaceQuestionnaire(
        Guid id, QuestionnaireSnapshot questionnaire, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Draft)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "questionnaire-frozen",
                new("Enkäten är låst", "The questionnaire is frozen"),
                new("En publicerad enkäts frågor kan inte ändras.", "A published survey's questionnaire cannot change."));
        }
        var problems = QuestionnaireValidator.Validate(questionnaire);
        if (problems.Count > 0) return CodedProblems.Validation(http, ToErrors(problems));

        survey.Questionnaire = QuestionnaireJson.Serialize(questionnaire);
        survey.TitleSv = questionnaire.Title["sv"];
        survey.TitleEn = questionnaire.Title.GetValueOrDefault("en");
        db.Audit(user, id, "questionnaire.changed", null, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(questionnaire);
    }

    static Results<NoContent, ValidationProblem> ValidateQuestionnaire(QuestionnaireSnapshot questionnaire, HttpContext http)
    {
        var problems = QuestionnaireValidator.Validate(questionnaire);
        return problems.Count == 0 ? TypedResults.NoContent() : CodedProblems.Validation(http, ToErrors(problems));
    }

    internal static IEnumerable<KeyValuePair<string, FieldError[]>> ToErrors(IReadOnlyList<QuestionnaireProblem> problems) =>
        problems.GroupBy(p => p.Path).Select(g => KeyValuePair.Create(g.Key, g.Select(p => p.Error).ToArray()));
}
