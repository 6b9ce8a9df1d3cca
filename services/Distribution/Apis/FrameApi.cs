using System.Security.Claims;
using Medborgare.Distribution.Frames;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Apis;

/// <summary>The population frame (urvalsram): a CSV extract from the population register, all or nothing.</summary>
public static class FrameApi
{
    /// <summary>About 200 bytes a row: room for a large municipality's whole adult population.</summary>
    const long MaxUploadBytes = 200L * 1024 * 1024;

    public static IEndpointRouteBuilder MapFrameApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}/frame").WithTags("Population frame").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", GetFrameSummary).WithName("GetFrameSummary").WithSummary("Counts of the imported frame per district, sex and age group");
        api.MapPut("/", ImportFrame).WithName("ImportFrame").Accepts<string>("text/csv")
            .WithSummary("Replace the frame with a CSV file (id;namn;adress;postnummer;ort;fodd;kon;distrikt). Bad rows are listed; nothing is stored then.")
            .WithBodyLimit(MaxUploadBytes);
        api.MapPost("/synthetic", ImportSyntheticFrame).WithName("ImportSyntheticFrame")
            .WithSummary("Generate a realistic synthetic frame (for demos and tests) and import it");

        return app;
    }

    static async Task<Results<Ok<FrameSummary>, NotFound>> GetFrameSummary(Guid id, DistributionDbContext db, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await SummaryAsync(db, id, 0, ct));
    }

    static async Task<Results<Ok<FrameSummary>, NotFound, BadRequest<FrameProblem>, ProblemHttpResult>> ImportFrame(
        Guid id, HttpRequest request, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (await db.Samples.AnyAsync(s => s.SurveyId == id, ct)) return SampleExists(request.HttpContext);

        // The parser reads synchronously; Kestrel's body may only be read asynchronously, so buffer it first.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var parsed = PopulationFrameCsv.Parse(reader, maxErrors: 200, currentYear: survey.Year);
        if (!parsed.IsValid)
        {
            var english = CodedProblems.PrefersEnglish(request.HttpContext);
            var title = english ? $"The file has errors in {parsed.Errors.Count} places. Nothing has been saved."
                : $"Filen har fel på {parsed.Errors.Count} ställen. Inget har sparats.";
            return TypedResults.BadRequest(new FrameProblem(title,
                parsed.Errors.Select(e => new FrameLineError(e.Line, e.Column, e.Text.Code, english ? e.Text.En : e.Text.Sv, e.Value)).ToList(),
                parsed.StoppedAtErrorLimit));
        }
        return TypedResults.Ok(await StoreAsync(db, survey, parsed.Persons, user, clock, "frame.imported", ct));
    }

    static async Task<Results<Ok<FrameSummary>, NotFound, ValidationProblem, ProblemHttpResult>> ImportSyntheticFrame(
        Guid id, SyntheticFrameRequest request, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (request.Count is null or < 100 or > 1_000_000)
        {
            return CodedProblems.Validation(http, "count", new(FrameCountOutOfRange, "Ange ett antal personer mellan 100 och 1 000 000.", "Enter a number of people between 100 and 1,000,000."));
        }
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (await db.Samples.AnyAsync(s => s.SurveyId == id, ct)) return SampleExists(http);

        var persons = SyntheticFrameGenerator.Generate(request.Count.Value, (ulong)(request.Seed ?? Random.Shared.NextInt64()), survey.Year);
        return TypedResults.Ok(await StoreAsync(db, survey, persons, user, clock, "frame.generated", ct));
    }

    static ProblemHttpResult SampleExists(HttpContext http) => CodedProblems.Problem(http, StatusCodes.Status409Conflict, "frame-locked",
        new("Urvalet är draget", "A sample has been drawn"), new("Ramen kan inte ändras efter att urvalet dragits.", "The frame cannot change after the sample is drawn."));

    /// <summary>
    /// Replaces the survey's frame in one transaction with a binary COPY: all rows or none. The survey's row is locked first, so
    /// two imports for one survey at once (a double-clicked upload) run one after the other and the last one wins.
    /// </summary>
    static async Task<FrameSummary> StoreAsync(DistributionDbContext db, Survey survey, IReadOnlyList<FramePerson> persons,
        ClaimsPrincipal user, TimeProvider clock, string action, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM surveys WHERE id = {survey.Id} FOR UPDATE", ct);
        await db.FrameEntries.Where(f => f.SurveyId == survey.Id).ExecuteDeleteAsync(ct);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var excluded = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY frame_entries (survey_id, ordinal, person_id, name, address, postal_code, town, birth_year, sex, district, age_group, sampled) FROM STDIN (FORMAT BINARY)", ct))
        {
            var ordinal = 0;
            foreach (var p in persons)
            {
                // The survey is for residents 16 and older; younger persons in the extract are left out and counted.
                if (AgeGroup.Of(p.BirthYear, survey.Year) is not { } ageGroup)
                {
                    excluded++;
                    continue;
                }
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(survey.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(ordinal++, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Address, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.PostalCode, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.Town, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.BirthYear, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(p.Sex, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(p.District, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(ageGroup, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        db.Audit(user, survey.Id, action, $"{persons.Count - excluded} persons", clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await SummaryAsync(db, survey.Id, excluded, ct);
    }

    internal static async Task<FrameSummary> SummaryAsync(DistributionDbContext db, Guid surveyId, int excluded, CancellationToken ct)
    {
        var cells = await db.FrameEntries.Where(f => f.SurveyId == surveyId)
            .GroupBy(f => new { f.District, f.Sex, f.AgeGroup })
            .Select(g => new FrameCell(g.Key.District, g.Key.Sex, g.Key.AgeGroup, g.Count()))
            .ToListAsync(ct);
        if (cells.Count == 0)
        {
            // After the purge only the counts remain.
            cells = await db.StratumCounts.Where(c => c.SurveyId == surveyId)
                .Select(c => new FrameCell(c.District, c.Sex, c.AgeGroup, c.Population)).ToListAsync(ct);
        }
        cells = cells.OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.Sex).ThenBy(c => c.AgeGroup, StringComparer.Ordinal).ToList();
        return new FrameSummary(cells.Sum(c => c.Count), excluded, cells);
    }
}
