using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Distribution.Apis;

public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", ListSurveys).WithName("ListSurveys").WithSummary("All surveys of the municipality, newest year first");
        api.MapGet("/{id:guid}", GetSurvey).WithName("GetSurvey").WithSummary("One survey");
        api.MapPost("/", CreateSurvey).WithName("CreateSurvey").WithSummary("Create a draft survey for a year");
        api.MapPost("/{id:guid}/publish", PublishSurvey).WithName("PublishSurvey")
            .WithSummary("Freeze the questionnaire, open the survey and announce SurveyPublished");

        return app;
    }

    public sealed record CreateSurveyRequest(string? MunicipalityCode, int? Year, string? TitleSv, string? TitleEn);

    public sealed record SurveyDto(Guid Id, string MunicipalityCode, int Year, string TitleSv, string? TitleEn, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
    {
        public static SurveyDto From(Survey s) =>
            new(s.Id, s.MunicipalityCode, s.Year, s.TitleSv, s.TitleEn, s.Status.ToString(), s.CreatedAt, s.PublishedAt);
    }

    static async Task<Ok<SurveyDto[]>> ListSurveys(DistributionDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Surveys.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.TitleSv)
            .Select(s => SurveyDto.From(s)).ToArrayAsync(ct));

    static async Task<Results<Ok<SurveyDto>, NotFound>> GetSurvey(Guid id, DistributionDbContext db, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey
            ? TypedResults.Ok(SurveyDto.From(survey))
            : TypedResults.NotFound();

    static async Task<Results<Created<SurveyDto>, ValidationProblem, ProblemHttpResult>> CreateSurvey(
        CreateSurveyRequest request, DistributionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = request.MunicipalityCode!,
            Year = request.Year!.Value,
            TitleSv = request.TitleSv!.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(request.TitleEn) ? null : request.TitleEn.Trim(),
            Status = SurveyStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Surveys.Add(survey);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(title: "Survey already exists",
                detail: $"Municipality {survey.MunicipalityCode} already has a survey for {survey.Year}.", statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/surveys/{survey.Id}", SurveyDto.From(survey));
    }

    static async Task<Results<Ok<SurveyDto>, NotFound, ProblemHttpResult>> PublishSurvey(
        Guid id, DistributionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (survey.Status != SurveyStatus.Draft)
        {
            return TypedResults.Problem(title: "Survey is not a draft",
                detail: $"The survey is {survey.Status.ToString().ToLowerInvariant()} and cannot be published again.", statusCode: StatusCodes.Status409Conflict);
        }

        var snapshot = survey.Snapshot();
        survey.Status = SurveyStatus.Published;
        survey.PublishedAt = clock.GetUtcNow();
        survey.PublishedQuestionnaire = JsonSerializer.Serialize(snapshot);
        db.AddToOutbox(new SurveyPublished
        {
            SurveyId = survey.Id,
            MunicipalityCode = survey.MunicipalityCode,
            Year = survey.Year,
            Questionnaire = snapshot,
            PublishedAt = survey.PublishedAt.Value,
        }, clock);
        // The state change and its event are committed together (transactional outbox).
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SurveyDto.From(survey));
    }

    static Dictionary<string, string[]> Validate(CreateSurveyRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.MunicipalityCode is null || r.MunicipalityCode.Length != 4 || !r.MunicipalityCode.All(char.IsAsciiDigit))
            errors["municipalityCode"] = ["The municipality code is four digits, e.g. 0136."];
        if (r.Year is null or < 2000 or > 2100)
            errors["year"] = ["The year must be between 2000 and 2100."];
        if (string.IsNullOrWhiteSpace(r.TitleSv))
            errors["titleSv"] = ["A Swedish title is required."];
        else if (r.TitleSv.Length > 200)
            errors["titleSv"] = ["The Swedish title is at most 200 characters."];
        if (r.TitleEn is { Length: > 200 })
            errors["titleEn"] = ["The English title is at most 200 characters."];
        return errors;
    }
}
