using System.Net;
using Medborgare.ApiContracts.Collection;
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

    static async Task<Results<Ok<AnsweringSession>, ProblemHttpResult>> Start(CodeRequest request, HttpContext http, CodeLookup lookup,
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
        return TypedResults.Ok(new AnsweringSession(survey.SurveyId, survey.Year, survey.TitleSv, survey.TitleEn, await questionnaires.GetAsync(db, survey.SurveyId, ct),
            StoredJson.Answers(draft.Answers), draft.Page, draft.SubmissionKey));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveDraft(DraftRequest request, HttpContext http, CodeLookup lookup,
        CollectionDbContext db, QuestionnaireCache questionnaires, TimeProvider clock, CancellationToken ct)
    {
        var found = await lookup.FindAsync(request.Code, Client(http), ct);
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        var checkedAnswers = AnswerValidator.Validate(await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), request.Answers, complete: false);
        if (!checkedAnswers.IsValid) return CodedProblems.Validation(http, checkedAnswers.Errors);
        if (request.Page is < 0 or > 1000)
            return CodedProblems.Validation(http, "page", new(CollectionErrorCodes.PageOutOfRange, "Ogiltig sida.", "Not a page of the questionnaire."));

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

    static async Task<Results<Ok<SubmissionReceipt>, ValidationProblem, ProblemHttpResult>> Submit(SubmitRequest request, HttpContext http, CodeLookup lookup,
        SubmissionService submissions, CollectionDbContext db, QuestionnaireCache questionnaires, CancellationToken ct)
    {
        if (request.SubmissionKey == Guid.Empty)
            return CodedProblems.Validation(http, "submissionKey", new(CollectionErrorCodes.SubmissionKeyMissing, "Inlämningsnyckel saknas.", "The submission key is missing."));
        var found = await lookup.FindAsync(request.Code, Client(http), ct);
        if (found is { Outcome: CodeLookupOutcome.Used, Submission: { } earlier } && earlier.SubmissionKey == request.SubmissionKey)
        {
            return TypedResults.Ok(new SubmissionReceipt(earlier.ReceiptNumber, earlier.SubmittedOn));
        }
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        return await SubmitCheckedAsync(http, found, request.SubmissionKey, request.Answers, ResponseChannel.Web, submissions,
            await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), ct);
    }

    static async Task<Results<Ok<SubmissionReceipt>, ValidationProblem, ProblemHttpResult>> SubmitPaper(PaperRequest request, HttpContext http, CodeLookup lookup,
        SubmissionService submissions, CollectionDbContext db, QuestionnaireCache questionnaires, CancellationToken ct)
    {
        var found = await lookup.FindAsync(request.Code, "staff:" + Client(http), ct);
        if (found.Outcome != CodeLookupOutcome.Found) return Refuse(found, http);
        return await SubmitCheckedAsync(http, found, Guid.NewGuid(), request.Answers, ResponseChannel.Paper, submissions,
            await questionnaires.GetAsync(db, found.Survey!.SurveyId, ct), ct);
    }

    static async Task<Results<Ok<SubmissionReceipt>, ValidationProblem, ProblemHttpResult>> SubmitCheckedAsync(HttpContext http, CodeLookupResult found, Guid key,
        IReadOnlyList<Answer>? answers, ResponseChannel channel, SubmissionService submissions, QuestionnaireSnapshot questionnaire, CancellationToken ct)
    {
        var checkedAnswers = AnswerValidator.Validate(questionnaire, answers, complete: true);
        if (!checkedAnswers.IsValid) return CodedProblems.Validation(http, checkedAnswers.Errors);
        var (receipt, conflict) = await submissions.SubmitAsync(found.Invitation!, key, checkedAnswers.Answers, channel, ct);
        return conflict ? Problem(http, HttpStatusCode.Conflict, "code-used", CodeUsed, new("Enkäten är redan inskickad med den här koden.",
            "The survey has already been submitted with this code.")) : TypedResults.Ok(receipt!);
    }

    /// <summary>The client for throttling: the resident's address as the web app names it, signed, else the connection's.</summary>
    static string Client(HttpContext http) => ClientAddress.Of(http);

    static ProblemHttpResult Refuse(CodeLookupResult found, HttpContext http)
    {
        if (found.RetryAfter is { } wait) http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString("0");
        return found.Outcome switch
        {
            CodeLookupOutcome.Typo => Problem(http, HttpStatusCode.BadRequest, "code-typo", new("Koden verkar felskriven", "The code seems mistyped"),
                new("Kontrollera koden i brevet. Den har 15 tecken, till exempel K7QMX-4XTR9-PHW2C.",
                    "Check the code in the letter. It has 15 characters, for example K7QMX-4XTR9-PHW2C.")),
            CodeLookupOutcome.Unknown => Problem(http, HttpStatusCode.NotFound, "code-unknown", new("Koden kunde inte hittas", "The code was not found"),
                new("Kontrollera att du skrivit koden exakt som i brevet.", "Check that you typed the code exactly as in the letter.")),
            CodeLookupOutcome.Used => Problem(http, HttpStatusCode.Conflict, "code-used", CodeUsed,
                new("Enkäten är redan inskickad med den här koden. Tack för ditt svar!", "The survey has already been submitted with this code. Thank you for answering!")),
            CodeLookupOutcome.Closed => Problem(http, HttpStatusCode.Gone, "survey-closed", new("Enkäten är stängd", "The survey is closed"),
                new("Det går inte längre att svara på enkäten.", "The survey can no longer be answered.")),
            CodeLookupOutcome.Expired => Problem(http, HttpStatusCode.Gone, "code-expired", new("Svarstiden har gått ut", "The time to answer has run out"),
                new("Sista dagen att svara har passerat.", "The last day to answer has passed.")),
            _ => Problem(http, HttpStatusCode.TooManyRequests, "throttled", new("För många försök", "Too many attempts"),
                new("Du har angett fel kod för många gånger. Vänta en stund och försök igen.",
                    "You have entered a wrong code too many times. Wait a while and try again.")),
        };
    }

    static readonly ServiceText CodeUsed = new("Koden har redan använts", "The code has already been used");

    static ProblemHttpResult Problem(HttpContext http, HttpStatusCode status, string type, ServiceText title, ServiceText detail) =>
        CodedProblems.Problem(http, (int)status, type, title, detail);
}
