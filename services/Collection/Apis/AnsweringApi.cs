using System.Net;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Apis;

/// <summary>
/// Public: a resident answers with the code from the letter. Start (or resume) with the code, save a page
/// at a time, submit once. Anonymous and rate-limited; the code travels in the body, never in a URL.
/// </summary>
public static class AnsweringApi
{
    public const string RateLimitPolicy = "public";
    /// <summary>A whole questionnaire's answers with long free texts fit comfortably; anything larger is not an answer.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapAnsweringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/answering").WithTags("Answering").AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .WithBodyLimit(MaxBodyBytes);

        api.MapPost("/start", Start).WithName("StartAnswering").WithSummary("Check a code and return the questionnaire with any saved answers");
        api.MapPut("/draft", SaveDraft).WithName("SaveDraft").WithSummary("Save the answers so far; resume later with the same code on any device");
        api.MapPost("/submit", Submit).WithName("SubmitResponse").WithSummary("Submit the answers, once per code; a retry with the same key returns the same receipt");

        app.MapPost("/api/paper-responses", SubmitPaper).WithTags("Answering").RequireAuthorization(StaffPolicies.Analyst)
            .WithName("SubmitPaperResponse").WithSummary("Key in a paper questionnaire against its code (channel = paper)");
        return app;
    }

    public sealed record CodeRequest(string? Code);
    public sealed record DraftRequest(string? Code, int Page, IReadOnlyList<Answer>? Answers);
    public sealed record SubmitRequest(string? Code, Guid SubmissionKey, IReadOnlyList<Answer>? Answers);
    public sealed record PaperRequest(string? Code, IReadOnlyList<Answer>? Answers);
    public sealed record Session(Guid SurveyId, int Year, string TitleSv, string? TitleEn, QuestionnaireSnapshot Questionnaire,
        IReadOnlyList<Answer> Answers, int Page, Guid SubmissionKey);

    static async Task<Results<Ok<Session>, ProblemHttpResult>> Start(CodeRequest request, HttpContext http, CodeLookup lookup,
        CollectionDbContext db, QuestionnaireCache questionnaires, TimeProvider clock, CancellationToken ct)
    {
        var found = await lookup.FindAsync(request.Code, Client(http), ct);
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);

        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.InvitationId == found.Invitation!.Id, ct);
        if (draft is null)
        {
            draft = new Draft { InvitationId = found.Invitation!.Id, Answers = "[]", SubmissionKey = Guid.NewGuid(), UpdatedAt = clock.GetUtcNow() };
            db.Drafts.Add(draft);
            await db.SaveChangesAsync(ct);
        }
        var survey = found.Survey!;
        return TypedResults.Ok(new Session(survey.SurveyId, survey.Year, survey.TitleSv, survey.TitleEn, await questionnaires.GetAsync(db, survey.SurveyId, ct),
            StoredJson.Answers(draft.Answers), draft.Page, draft.SubmissionKey));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveDraft(DraftRequest request, HttpContext http, CodeLookup lookup,
        CollectionDbContext db, QuestionnaireCache questionnaires, TimeProvider clock, CancellationToken ct)
    {
        var found = await lookup.FindAsync(request.Code, Client(http), ct);
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        var checkedAnswers = AnswerValidator.Validate(await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), request.Answers, complete: false);
        if (!checkedAnswers.IsValid) return TypedResults.ValidationProblem(checkedAnswers.Errors);
        if (request.Page is < 0 or > 1000) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["Ogiltig sida."] });

        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.InvitationId == found.Invitation!.Id, ct);
        if (draft is null)
        {
            draft = new Draft { InvitationId = found.Invitation!.Id, Answers = "[]", SubmissionKey = Guid.NewGuid() };
            db.Drafts.Add(draft);
        }
        draft.Answers = StoredJson.Serialize(checkedAnswers.Answers);
        draft.Page = request.Page;
        draft.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<Receipt>, ValidationProblem, ProblemHttpResult>> Submit(SubmitRequest request, HttpContext http, CodeLookup lookup,
        SubmissionService submissions, CollectionDbContext db, QuestionnaireCache questionnaires, CancellationToken ct)
    {
        if (request.SubmissionKey == Guid.Empty)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["submissionKey"] = ["Inlämningsnyckel saknas."] });
        var found = await lookup.FindAsync(request.Code, Client(http), ct);
        if (found is { Outcome: CodeLookupOutcome.Used, Submission: { } earlier } && earlier.SubmissionKey == request.SubmissionKey)
        {
            return TypedResults.Ok(new Receipt(earlier.ReceiptNumber, earlier.SubmittedOn));
        }
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        return await SubmitCheckedAsync(found, request.SubmissionKey, request.Answers, ResponseChannel.Web, submissions,
            await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), ct);
    }

    static async Task<Results<Ok<Receipt>, ValidationProblem, ProblemHttpResult>> SubmitPaper(PaperRequest request, HttpContext http, CodeLookup lookup,
        SubmissionService submissions, CollectionDbContext db, QuestionnaireCache questionnaires, CancellationToken ct)
    {
        var found = await lookup.FindAsync(request.Code, "staff:" + Client(http), ct);
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        return await SubmitCheckedAsync(found, Guid.NewGuid(), request.Answers, ResponseChannel.Paper, submissions,
            await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), ct);
    }

    static async Task<Results<Ok<Receipt>, ValidationProblem, ProblemHttpResult>> SubmitCheckedAsync(CodeLookupResult found, Guid key,
        IReadOnlyList<Answer>? answers, ResponseChannel channel, SubmissionService submissions, QuestionnaireSnapshot questionnaire, CancellationToken ct)
    {
        var checkedAnswers = AnswerValidator.Validate(questionnaire, answers, complete: true);
        if (!checkedAnswers.IsValid) return TypedResults.ValidationProblem(checkedAnswers.Errors);
        var (receipt, conflict) = await submissions.SubmitAsync(found.Invitation!, key, checkedAnswers.Answers, channel, ct);
        return conflict ? Problem(HttpStatusCode.Conflict, "code-used", "Koden har redan använts", "Enkäten är redan inskickad med den här koden.")
            : TypedResults.Ok(receipt!);
    }

    /// <summary>The client for throttling: the address the request came from (behind a proxy, configure forwarded headers).</summary>
    static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    static ProblemHttpResult Refuse(CodeLookupResult found, HttpContext http)
    {
        if (found.RetryAfter is { } wait) http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString("0");
        return found.Outcome switch
        {
            CodeLookupOutcome.Typo => Problem(HttpStatusCode.BadRequest, "code-typo", "Koden verkar felskriven",
                "Kontrollera koden i brevet. Den har 15 tecken, till exempel K7QMX-4XTR9-PHW2C."),
            CodeLookupOutcome.Unknown => Problem(HttpStatusCode.NotFound, "code-unknown", "Koden kunde inte hittas",
                "Kontrollera att du skrivit koden exakt som i brevet."),
            CodeLookupOutcome.Used => Problem(HttpStatusCode.Conflict, "code-used", "Koden har redan använts",
                "Enkäten är redan inskickad med den här koden. Tack för ditt svar!"),
            CodeLookupOutcome.Closed => Problem(HttpStatusCode.Gone, "survey-closed", "Enkäten är stängd", "Det går inte längre att svara på enkäten."),
            CodeLookupOutcome.Expired => Problem(HttpStatusCode.Gone, "code-expired", "Svarstiden har gått ut", "Sista dagen att svara har passerat."),
            _ => Problem(HttpStatusCode.TooManyRequests, "throttled", "För många försök",
                "Du har angett fel kod för många gånger. Vänta en stund och försök igen."),
        };
    }

    static ProblemHttpResult Problem(HttpStatusCode status, string type, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: (int)status, type: $"urn:medborgare:{type}");
}
