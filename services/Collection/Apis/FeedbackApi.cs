using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Answering;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;
using Medborgare.Collection.Cases;
using Medborgare.Collection.Feedback;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
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

    static async Task<Results<Created<FeedbackReceipt>, ValidationProblem>> SendFeedback(FeedbackRequest request, HttpContext http,
        CollectionDbContext db, CaseIntake intake, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (Check(request) is { Count: > 0 } errors) return CodedProblems.Validation(http, errors);

        var feedback = new CitizenFeedback
        {
            Id = Guid.NewGuid(),
            MunicipalityCode = configuration["Municipality:Code"] ?? "0000",
            Category = request.Category!,
            GoalArea = request.GoalArea,
            District = string.IsNullOrWhiteSpace(request.District) ? null : request.District.Trim(),
            MaskedText = PersonalDataMasker.Mask(request.Text!.Trim()),
            ReceivedAt = clock.GetUtcNow(),
            ContactName = request.ContactConsent ? Clean(request.Contact?.Name) : null,
            ContactEmail = request.ContactConsent ? Clean(request.Contact?.Email) : null,
            ContactPhone = request.ContactConsent ? Clean(request.Contact?.Phone) : null,
            Receipt = "",
            Channel = CaseChannel.Web,
        };
        await intake.OpenAsync(feedback, "invånare", ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/feedback/receipts/{feedback.Receipt}",
            new FeedbackReceipt(feedback.Id, feedback.MaskedText, feedback.Receipt, feedback.DueDate));
    }

    static Dictionary<string, FieldError[]> Check(FeedbackRequest request) =>
        Check(request.Category, request.GoalArea, request.District, request.Text, request.Contact, request.ContactConsent);

    /// <summary>The checks of a synpunkt's fields, for one sent on the web and one registered by staff alike.</summary>
    internal static Dictionary<string, FieldError[]> Check(string? category, string? goalArea, string? district, string? text,
        ContactDetails? contactDetails, bool contactConsent)
    {
        var request = new FeedbackRequest(category, goalArea, district, text, contactDetails, contactConsent);
        var errors = new Dictionary<string, FieldError[]>();
        if (request.Category is null || !Categories.Contains(request.Category))
            errors["category"] = [new(CategoryRequired, "Välj vad synpunkten gäller.", "Choose what the feedback is about.")];
        if (request.GoalArea is not null && !GoalAreas.Contains(request.GoalArea))
            errors["goalArea"] = [new(GoalAreaUnknown, "Okänt målområde.", "Unknown goal area.")];
        if (request.District is { Length: > 100 })
            errors["district"] = [new(DistrictTooLong, "Området får vara högst 100 tecken.", "The area may be at most 100 characters.")];
        if (string.IsNullOrWhiteSpace(request.Text)) errors["text"] = [new(FeedbackTextRequired, "Skriv din synpunkt.", "Write your feedback.")];
        else if (AnswerValidator.TextProblem(request.Text) is { } problem) errors["text"] = [problem];
        if (request.Contact is { } c && (c.Name?.Length > 200 || c.Email?.Length > 200 || c.Phone?.Length > 50))
            errors["contact"] = [new(ContactTooLong, "Kontaktuppgifterna är för långa.", "The contact details are too long.")];
        if (request.Contact is { Email: { Length: > 0 } email } && !email.Contains('@'))
            errors["contact.email"] = [new(EmailInvalid, "Ange en giltig e-postadress.", "Enter a valid e-mail address.")];
        if (HasContact(request.Contact) && !request.ContactConsent)
            errors["contactConsent"] = [new(ConsentRequired, "Kryssa i att vi får spara dina kontaktuppgifter, eller lämna dem tomma.",
                "Tick that we may keep your contact details, or leave them empty.")];
        return errors;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static bool HasContact(ContactDetails? c) =>
        c is not null && (!string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Phone));
}
