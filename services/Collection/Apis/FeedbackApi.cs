using Medborgare.Collection.Answering;
using Medborgare.Collection.Feedback;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Medborgare.Collection.Apis;

/// <summary>Public: open feedback (synpunkter) from anyone, at any time, without a code.</summary>
public static class FeedbackApi
{
    public static readonly string[] Categories = ["beröm", "klagomål", "förslag", "fråga"];
    public static readonly string[] GoalAreas = ["livsmiljo", "utbildning", "omsorg", "delaktighet"];

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", SendFeedback).WithTags("Feedback").AllowAnonymous().RequireRateLimiting(AnsweringApi.RateLimitPolicy)
            .WithBodyLimit(64 * 1024)
            .WithName("SendFeedback").WithSummary("Send feedback; personal data in the text is masked before it is stored or sent on");
        return app;
    }

    public sealed record ContactDetails(string? Name, string? Email, string? Phone);
    public sealed record FeedbackRequest(string? Category, string? GoalArea, string? District, string? Text, ContactDetails? Contact, bool ContactConsent);
    public sealed record FeedbackReceipt(Guid FeedbackId, string MaskedText);

    static async Task<Results<Created<FeedbackReceipt>, ValidationProblem>> SendFeedback(FeedbackRequest request, CollectionDbContext db,
        IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Category is null || !Categories.Contains(request.Category)) errors["category"] = ["Välj vad synpunkten gäller."];
        if (request.GoalArea is not null && !GoalAreas.Contains(request.GoalArea)) errors["goalArea"] = ["Okänt målområde."];
        if (request.District is { Length: > 100 }) errors["district"] = ["Området får vara högst 100 tecken."];
        if (string.IsNullOrWhiteSpace(request.Text)) errors["text"] = ["Skriv din synpunkt."];
        else if (AnswerValidator.TextProblem(request.Text) is { } problem) errors["text"] = [problem];
        if (request.Contact is { } contact && (contact.Name?.Length > 200 || contact.Email?.Length > 200 || contact.Phone?.Length > 50))
            errors["contact"] = ["Kontaktuppgifterna är för långa."];
        if (request.Contact is { Email: { Length: > 0 } email } && !email.Contains('@')) errors["contact.email"] = ["Ange en giltig e-postadress."];
        if (HasContact(request.Contact) && !request.ContactConsent)
            errors["contactConsent"] = ["Kryssa i att vi får spara dina kontaktuppgifter, eller lämna dem tomma."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var feedback = new CitizenFeedback
        {
            Id = Guid.NewGuid(),
            MunicipalityCode = configuration["Municipality:Code"] ?? "0000",
            Category = request.Category!,
            GoalArea = request.GoalArea,
            District = string.IsNullOrWhiteSpace(request.District) ? null : request.District.Trim(),
            MaskedText = PersonalDataMasker.Mask(request.Text!.Trim()),
            ReceivedAt = clock.GetUtcNow(),
            ContactName = request.ContactConsent ? request.Contact?.Name?.Trim() : null,
            ContactEmail = request.ContactConsent ? request.Contact?.Email?.Trim() : null,
            ContactPhone = request.ContactConsent ? request.Contact?.Phone?.Trim() : null,
        };
        db.Feedback.Add(feedback);
        db.AddToOutbox(new CitizenFeedbackReceived
        {
            FeedbackId = feedback.Id, MunicipalityCode = feedback.MunicipalityCode, Category = feedback.Category, GoalArea = feedback.GoalArea,
            District = feedback.District, MaskedText = feedback.MaskedText, ReceivedAt = feedback.ReceivedAt,
        }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/{feedback.Id}", new FeedbackReceipt(feedback.Id, feedback.MaskedText));
    }

    static bool HasContact(ContactDetails? c) =>
        c is not null && (!string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Phone));
}
