using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Cases;
using Medborgare.Collection.Infrastructure;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Apis;

/// <summary>
/// Public: a synpunkt's status by its receipt number, and the answers staff published ("Du sa – vi gjorde"). Neither shows
/// contact details, and a receipt that does not exist looks exactly like one that is malformed.
/// </summary>
public static class PublicCasesApi
{
    /// <summary>The throttle of wrong receipt numbers, apart from the one for invitation codes.</summary>
    public const string ReceiptThrottle = "receipts";

    public static IEndpointRouteBuilder MapPublicCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feedback").WithTags("Feedback").AllowAnonymous().RequireRateLimiting(AnsweringApi.RateLimitPolicy);
        api.MapGet("/receipts/{receipt}", StatusAsync).WithName("GetCaseStatus").WithSummary("A synpunkt's status and public answer by its receipt");
        api.MapGet("/published", PublishedAsync).WithName("ListPublishedCases").WithSummary("Du sa – vi gjorde: published answers, by goal area");
        return app;
    }

    static async Task<Results<Ok<PublicCaseStatus>, ProblemHttpResult>> StatusAsync(string receipt, HttpContext http, CollectionDbContext db,
        [FromKeyedServices(ReceiptThrottle)] CodeGuessThrottle throttle, CancellationToken ct)
    {
        var client = ClientAddress.Of(http);
        if (throttle.RetryAfter(client) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString("0");
            return CodedProblems.Problem(http, StatusCodes.Status429TooManyRequests, "throttled", new("För många försök", "Too many attempts"),
                new("Du har angett fel kvittensnummer för många gånger. Vänta en stund och försök igen.",
                    "You have entered a wrong receipt number too many times. Wait a while and try again."));
        }
        var normalized = CaseReceipts.Normalize(receipt);
        var feedback = normalized is null ? null : await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Receipt == normalized, ct);
        if (feedback is null)
        {
            throttle.RecordFailure(client);
            return CodedProblems.Problem(http, StatusCodes.Status404NotFound, "receipt-not-found", new("Kvittensnumret finns inte", "No such receipt number"),
                new("Kontrollera att du skrivit kvittensnumret exakt som det stod, till exempel S-7K3MQ-X9TDP.",
                    "Check that you typed the receipt number exactly as it was shown, for example S-7K3MQ-X9TDP."));
        }
        return TypedResults.Ok(feedback.ToPublic());
    }

    static async Task<Results<Ok<PublishedCases>, ValidationProblem>> PublishedAsync(string? goalArea, HttpContext http, CollectionDbContext db,
        CancellationToken ct)
    {
        if (goalArea is not null && !FeedbackApi.GoalAreas.Contains(goalArea))
            return CodedProblems.Validation(http, "goalArea", new(CollectionErrorCodes.GoalAreaUnknown, "Okänt målområde.", "Unknown goal area."));
        var query = db.Feedback.AsNoTracking().Where(f => f.PublishedAt != null && f.Answer != null && f.AnsweredAt != null && f.GoalArea != null);
        if (goalArea is not null) query = query.Where(f => f.GoalArea == goalArea);
        var rows = await query.OrderByDescending(f => f.PublishedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(new PublishedCases(goalArea, [.. rows.Select(f => f.ToPublished())]));
    }
}
