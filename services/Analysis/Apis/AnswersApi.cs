using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.Analysis.AnalysisErrorCodes;

namespace Medborgare.Analysis.Apis;

/// <summary>Free-text answers of a survey and the open feedback (synpunkter) received. Analysts only.</summary>
public static class AnswersApi
{
    public static IEndpointRouteBuilder MapAnswersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}").WithTags("Answers").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/free-text", GetFreeText).WithName("GetFreeTextAnswers").WithSummary("The free-text answers to one question, text only");
        api.MapGet("/feedback", GetFeedback).WithName("GetFeedback").WithSummary("Open feedback received in the survey's municipality, newest first");

        return app;
    }

    /// <summary>
    /// Only the texts, in random order: no district, sex, age group, date or response id goes with them, so an
    /// answer cannot be tied to a small group of respondents and nobody can be singled out.
    /// </summary>
    static async Task<Results<Ok<FreeTextAnswers>, NotFound, ValidationProblem>> GetFreeText(Guid id, string? question,
        HttpContext http, ResultsCalculator results, CancellationToken ct)
    {
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return TypedResults.NotFound();
        if (string.IsNullOrEmpty(question) || survey.Question(question) is not { Type: QuestionType.FreeText } q)
            return CodedProblems.Validation(http, "question", new(NotAFreeTextQuestion, $"'{question}' är ingen fritextfråga i enkäten.",
                $"'{question}' is not a free-text question of this survey."));
        var texts = (await results.ResponsesAsync(survey, ct))
            .Select(r => r.Answers.FirstOrDefault(a => a.QuestionKey == question)?.Text)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToArray();
        Random.Shared.Shuffle(texts);
        return TypedResults.Ok(new FreeTextAnswers(q.Key, ResultsMapping.Text(q.Text), texts));
    }

    static async Task<Results<Ok<FeedbackDto[]>, NotFound>> GetFeedback(Guid id, AnalysisDbContext db, CancellationToken ct)
    {
        var municipality = await db.Surveys.Where(s => s.SurveyId == id).Select(s => s.MunicipalityCode).FirstOrDefaultAsync(ct);
        if (municipality is null) return TypedResults.NotFound();
        return TypedResults.Ok(await db.Feedback.AsNoTracking().Where(f => f.MunicipalityCode == municipality)
            .OrderByDescending(f => f.ReceivedAt).Take(5000)
            .Select(f => new FeedbackDto(f.FeedbackId, f.MaskedText, f.Category, f.GoalArea, f.District, f.ReceivedAt))
            .ToArrayAsync(ct));
    }
}
