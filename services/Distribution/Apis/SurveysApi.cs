using System.Security.Claims;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.Distribution.Questionnaires;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Apis;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", ListSurveys).WithName("ListSurveys").WithSummary("All surveys of the municipality, newest year first");
        api.MapGet("/{id:guid}", GetSurvey).WithName("GetSurvey").WithSummary("One survey");
        api.MapPost("/", CreateSurvey).WithName("CreateSurvey")
            .WithSummary("Create a draft survey for a year, from the built-in questionnaire, last year's survey, or empty");
        api.MapPost("/{id:guid}/publish", PublishSurvey).WithName("PublishSurvey")
            .WithSummary("Freeze the questionnaire, open the survey and announce SurveyPublished");
        api.MapPost("/{id:guid}/close", CloseSurvey).WithName("CloseSurvey")
            .WithSummary("Close the survey for answers and announce SurveyClosed; personal data is purged after the retention period");

        return app;
    }

    internal static SurveyDto ToDto(this Survey s) => new(s.Id, s.MunicipalityCode, s.Year, s.TitleSv, s.TitleEn, s.Status,
        s.CreatedAt, s.PublishedAt, s.ClosedAt, s.PurgedAt, s.RetentionDays, s.AnswerBy);

    static async Task<Ok<SurveyDto[]>> ListSurveys(DistributionDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.TitleSv).ToListAsync(ct))
            .Select(ToDto).ToArray());

    static async Task<Results<Ok<SurveyDto>, NotFound>> GetSurvey(Guid id, DistributionDbContext db, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey
            ? TypedResults.Ok(survey.ToDto())
            : TypedResults.NotFound();

    static async Task<Results<Created<SurveyDto>, ValidationProblem, ProblemHttpResult>> CreateSurvey(
        CreateSurveyRequest request, HttpContext http, DistributionDbContext db, TimeProvider clock, IConfiguration configuration, ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = string.IsNullOrWhiteSpace(request.MunicipalityCode) ? configuration["Municipality:Code"] : request.MunicipalityCode;
        var errors = Validate(request with { MunicipalityCode = municipality });
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);
        var titleSv = request.TitleSv!.Trim();
        var titleEn = string.IsNullOrWhiteSpace(request.TitleEn) ? null : request.TitleEn.Trim();

        QuestionnaireSnapshot questionnaire;
        switch (request.Template)
        {
            case SurveyTemplate.CopyLastYear:
                var last = await db.Surveys.AsNoTracking().Where(s => s.MunicipalityCode == municipality && s.Year < request.Year)
                    .OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
                if (last is null)
                {
                    return CodedProblems.Validation(http, "template", new(NoSurveyToCopy,
                        "Det finns ingen tidigare enkät att kopiera. Välj standardenkäten i stället.",
                        "There is no earlier survey to copy. Choose the default questionnaire instead."));
                }
                questionnaire = last.ReadQuestionnaire() with { Title = QuestionnaireJson.Titles(titleSv, titleEn) };
                break;
            case SurveyTemplate.Empty:
                questionnaire = new QuestionnaireSnapshot { Title = QuestionnaireJson.Titles(titleSv, titleEn), Sections = [] };
                break;
            default:
                questionnaire = QuestionnaireJson.Default(titleSv, titleEn);
                break;
        }

        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = municipality!,
            Year = request.Year!.Value,
            TitleSv = titleSv,
            TitleEn = titleEn,
            Status = SurveyStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
            AnswerBy = request.AnswerBy,
            Questionnaire = QuestionnaireJson.Serialize(questionnaire),
            CodeSalt = InvitationCode.NewSalt(),
        };
        db.Surveys.Add(survey);
        db.Audit(user, survey.Id, "survey.created", $"{survey.Year} ({request.Template})", clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "survey-exists",
                new("Enkäten finns redan", "Survey already exists"),
                new($"Kommun {survey.MunicipalityCode} har redan en enkät för {survey.Year}.", $"Municipality {survey.MunicipalityCode} already has a survey for {survey.Year}."));
        }
        return TypedResults.Created($"/api/surveys/{survey.Id}", survey.ToDto());
    }

    static async Task<Results<Ok<SurveyDto>, NotFound, ValidationProblem, ProblemHttpResult>> PublishSurvey(
        Guid id, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Draft)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "not-draft",
                new("Enkäten är inget utkast", "Survey is not a draft"),
                new($"Enkäten är {StatusSv(survey.Status)} och kan inte publiceras igen.", $"The survey is {survey.Status.ToString().ToLowerInvariant()} and cannot be published again."));
        }
        var questionnaire = survey.ReadQuestionnaire();
        var problems = QuestionnaireValidator.Validate(questionnaire);
        if (problems.Count > 0) return CodedProblems.Validation(http, QuestionnaireApi.ToErrors(problems));

        survey.Status = SurveyStatus.Published;
        survey.PublishedAt = clock.GetUtcNow();
        db.AddToOutbox(new SurveyPublished
        {
            SurveyId = survey.Id,
            MunicipalityCode = survey.MunicipalityCode,
            Year = survey.Year,
            Questionnaire = questionnaire,
            PublishedAt = survey.PublishedAt.Value,
        }, clock);
        db.Audit(user, survey.Id, "survey.published", null, clock);
        // The state change and its event are committed together (transactional outbox).
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(survey.ToDto());
    }

    static async Task<Results<Ok<SurveyDto>, NotFound, ValidationProblem, ProblemHttpResult>> CloseSurvey(
        Guid id, CloseSurveyRequest? request, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request?.RetentionDays is < 0 or > 3650)
        {
            return CodedProblems.Validation(http, "retentionDays", new(RetentionOutOfRange, "Gallringsfristen är 0–3650 dagar.", "The retention period is 0–3650 days."));
        }
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Published)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "not-open-for-close",
                new("Bara en öppen enkät kan stängas", "Only an open survey can be closed"),
                new($"Enkäten är {StatusSv(survey.Status)}.", $"The survey is {survey.Status.ToString().ToLowerInvariant()}."));
        }
        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt = clock.GetUtcNow();
        if (request?.RetentionDays is { } days) survey.RetentionDays = days;
        db.AddToOutbox(new SurveyClosed { SurveyId = survey.Id, ClosedAt = survey.ClosedAt.Value }, clock);
        db.Audit(user, survey.Id, "survey.closed", $"retention {survey.RetentionDays} days", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(survey.ToDto());
    }

    static Dictionary<string, FieldError[]> Validate(CreateSurveyRequest r)
    {
        var errors = new Dictionary<string, FieldError[]>();
        if (r.MunicipalityCode is null || r.MunicipalityCode.Length != 4 || !r.MunicipalityCode.All(char.IsAsciiDigit))
            errors["municipalityCode"] = [new(MunicipalityCodeInvalid, "Kommunkoden är fyra siffror, t.ex. 0136.", "The municipality code is four digits, e.g. 0136.")];
        if (r.Year is null or < 2000 or > 2100)
            errors["year"] = [new(YearOutOfRange, "Året måste vara mellan 2000 och 2100.", "The year must be between 2000 and 2100.")];
        if (string.IsNullOrWhiteSpace(r.TitleSv))
            errors["titleSv"] = [new(TitleRequired, "Ange en svensk titel.", "Enter a Swedish title.")];
        else if (r.TitleSv.Length > 200)
            errors["titleSv"] = [new(TitleTooLong, "Den svenska titeln får vara högst 200 tecken.", "The Swedish title may be at most 200 characters.")];
        if (r.TitleEn is { Length: > 200 })
            errors["titleEn"] = [new(TitleTooLong, "Den engelska titeln får vara högst 200 tecken.", "The English title may be at most 200 characters.")];
        if (!Enum.IsDefined(r.Template))
            errors["template"] = [new(TemplateUnknown, "Okänd mall.", "Unknown template.")];
        return errors;
    }

    /// <summary>A survey's status in Swedish, for a refusal's detail.</summary>
    static string StatusSv(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "ett utkast",
        SurveyStatus.Published => "öppen",
        SurveyStatus.Closed => "stängd",
        _ => status.ToString().ToLowerInvariant(),
    };
}
