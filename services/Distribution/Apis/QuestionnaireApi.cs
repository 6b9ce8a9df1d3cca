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
        Guid id, QuestionnaireSnapshot questionnaire, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Draft)
        {
            return TypedResults.Problem(type: CodedProblems.Urn("questionnaire-frozen"), title: "The questionnaire is frozen", detail: "A published survey's questionnaire cannot change.",
                statusCode: StatusCodes.Status409Conflict);
        }
        var problems = QuestionnaireValidator.Validate(questionnaire);
        if (problems.Count > 0) return TypedResults.ValidationProblem(ToErrors(problems));

        survey.Questionnaire = QuestionnaireJson.Serialize(questionnaire);
        survey.TitleSv = questionnaire.Title["sv"];
        survey.TitleEn = questionnaire.Title.GetValueOrDefault("en");
        db.Audit(user, id, "questionnaire.changed", null, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(questionnaire);
    }

    static Results<NoContent, ValidationProblem> ValidateQuestionnaire(QuestionnaireSnapshot questionnaire)
    {
        var problems = QuestionnaireValidator.Validate(questionnaire);
        return problems.Count == 0 ? TypedResults.NoContent() : TypedResults.ValidationProblem(ToErrors(problems));
    }

    internal static Dictionary<string, string[]> ToErrors(IReadOnlyList<QuestionnaireProblem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
