using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.Analysis.AnalysisErrorCodes;

namespace Medborgare.Analysis.Apis;

/// <summary>Live (preliminary) and published results, breakdowns by choice questions, and publishing. Analysts only.</summary>
public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}/results").WithTags("Results").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", GetResults).WithName("GetSurveyResults")
            .WithSummary("The year's results: calibration, indicators with CI, breakdowns, priority matrix, trends (source=cells|raw)");
        api.MapGet("/breakdown", GetChoiceBreakdown).WithName("GetChoiceBreakdown")
            .WithSummary("Every indicator broken down by the answer to a choice question, with suppression");
        api.MapPost("/publish", Publish).WithName("PublishSurveyResults")
            .WithSummary("Publishes the year's results: stores the figures and announces SurveyResultsPublished (?keepCurrent=true: later answers republish them until the survey closes)");
        api.MapDelete("/keep-current", StopKeepingCurrent).WithName("StopKeepingResultsCurrent")
            .WithSummary("Later answers no longer republish the published results; they stay as last published until the analyst publishes again");

        return app;
    }

    /// <summary>
    /// Turns "keep current" off: the published figures stay as they were last published, and answers counted from now on wait
    /// for the analyst's next publication. A batch of answers republishing at that moment holds the survey's row, so the
    /// update waits for it to finish. Doing it twice is the same as once.
    /// </summary>
    static async Task<Results<NoContent, NotFound>> StopKeepingCurrent(Guid id, AnalysisDbContext db, CancellationToken ct)
    {
        var changed = await db.Surveys.Where(s => s.SurveyId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.KeepPublishedCurrent, false), ct);
        return changed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    internal static ProblemHttpResult NoMargins(HttpContext http) => CodedProblems.Problem(http, StatusCodes.Status409Conflict, "no-margins",
        new("Inga populationsmarginaler", "No population margins"),
        new("Enkätens populationsmarginaler har inte kommit från Distribution; resultaten behöver dem för viktningen.",
            "The population margins of this survey have not arrived from Distribution; results need them for weighting."));

    /// <summary>The weighting found no weights: the calibration's own message (in English) goes with it.</summary>
    internal static ProblemHttpResult NotConverged(HttpContext http, string? message) => CodedProblems.Problem(http, StatusCodes.Status409Conflict,
        "calibration-not-converged", new("Kalibreringen konvergerade inte", "Calibration did not converge"),
        new($"Vikterna kunde inte beräknas. {message}", $"The weights could not be computed. {message}"));

    static async Task<Results<Ok<SurveyResultsDto>, NotFound, ValidationProblem, ProblemHttpResult>> GetResults(Guid id, string? source,
        HttpContext http, ResultsCalculator results, AnalysisDbContext db, CancellationToken ct)
    {
        if (source is not (null or "cells" or "raw"))
            return CodedProblems.Validation(http, "source", new(SourceUnknown, "source är 'cells' (standard) eller 'raw'.", "source is 'cells' (the default) or 'raw'."));
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return TypedResults.NotFound();
        if (await results.MarginsAsync(id, ct) is not { } margins) return NoMargins(http);
        var report = await results.ReportAsync(survey, margins, fromRaw: source == "raw", ct);
        var stored = await db.Surveys.AsNoTracking().SingleAsync(s => s.SurveyId == id, ct);
        return TypedResults.Ok(report.ToDto(survey, stored));
    }

    static async Task<Results<Ok<BreakdownDto[]>, NotFound, ValidationProblem, ProblemHttpResult>> GetChoiceBreakdown(Guid id, string? question,
        HttpContext http, ResultsCalculator results, CancellationToken ct)
    {
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return TypedResults.NotFound();
        if (string.IsNullOrEmpty(question) || survey.Question(question) is not { } q || !ResultsMapping.IsChoice(q))
            return CodedProblems.Validation(http, "question", new(NotAChoiceQuestion, $"'{question}' är ingen flervalsfråga i enkäten.",
                $"'{question}' is not a single- or multiple-choice question of this survey."));
        if (await results.MarginsAsync(id, ct) is not { } margins) return NoMargins(http);

        var responses = await results.ResponsesAsync(survey, ct);
        var calibration = ResultsCalculator.Calibrate(margins, responses, results.Options);
        if (calibration.Weights is not { } weights)
            return NotConverged(http, calibration.Message);

        var raw = responses.Select(r => r.ToRaw()).ToList();
        var keys = survey.Model.Variables.Select(v => v.Key).ToList();
        var chosen = responses.Select(r => r.Answers.FirstOrDefault(a => a.QuestionKey == question)?.Choices ?? []).ToList();
        IReadOnlyList<Breakdown> breakdowns;
        if (q.Type == QuestionType.SingleChoice)
            breakdowns = Breakdowns.ByGroup(weights, survey.Model, raw, [.. chosen.Select(c => c.FirstOrDefault())], question, keys, results.Options.Suppression);
        else
        {
            // A respondent may tick several values, so each value is its own domain (those who ticked it), estimated
            // and suppressed on its own; the groups are then listed side by side.
            var perValue = q.Choices.Select(choice => Breakdowns.ByGroup(weights, survey.Model, raw,
                [.. chosen.Select(c => c.Contains(choice.Value) ? choice.Value : null)], question, keys, results.Options.Suppression)).ToList();
            breakdowns = [.. keys.Select((key, k) => new Breakdown(question, key, [.. perValue.SelectMany(b => b[k].Groups)]))];
        }
        return TypedResults.Ok(breakdowns.Select(b => b.ToDto()).ToArray());
    }

    /// <summary>
    /// Publishes the year's results. With <c>?keepCurrent=true</c>, answers that arrive while the survey is still open (late letters,
    /// keyed-in paper forms) republish the figures as they are counted, until the survey closes; without it they wait for the
    /// analyst's next publication.
    /// </summary>
    static async Task<Results<Ok<PublishedDto>, NotFound, ProblemHttpResult>> Publish(Guid id, bool? keepCurrent, HttpContext http, ResultsPublisher publisher,
        CancellationToken ct)
    {
        var keep = keepCurrent ?? false;
        var outcome = await publisher.PublishAsync(id, keep, ct);
        switch (outcome.Refusal)
        {
            case PublishRefusal.NotFound: return TypedResults.NotFound();
            case PublishRefusal.NoMargins: return NoMargins(http);
            case PublishRefusal.NoRespondents:
                return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "no-respondents", new("Inga svarande", "No respondents"),
                    new("Det finns inget att publicera än.", "There is nothing to publish yet."));
            case PublishRefusal.NotConverged: return NotConverged(http, outcome.Detail);
        }
        return TypedResults.Ok(new PublishedDto(id, outcome.Year, outcome.PublishedAt, outcome.Indicators, keep));
    }
}
