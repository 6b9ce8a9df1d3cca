using System.Security.Claims;
using System.Security.Cryptography;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Medborgare.Distribution.Sampling;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Apis;

/// <summary>Drawing the sample: stratified by district, reproducible from its recorded seed.</summary>
public static class SampleApi
{
    public static IEndpointRouteBuilder MapSampleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/surveys/{id:guid}/sample").WithTags("Sample").RequireAuthorization(StaffPolicies.Analyst);

        api.MapGet("/", GetSample).WithName("GetSample").WithSummary("The drawn sample: design, seed and n per district");
        api.MapPost("/", DrawSample).WithName("DrawSample")
            .WithSummary("Draw a stratified simple random sample without replacement and announce the population margins");

        return app;
    }

    static async Task<Results<Ok<SampleDto>, NotFound>> GetSample(Guid id, DistributionDbContext db, CancellationToken ct)
    {
        var sample = await db.Samples.AsNoTracking().FirstOrDefaultAsync(s => s.SurveyId == id, ct);
        return sample is null ? TypedResults.NotFound() : TypedResults.Ok(await ToDtoAsync(db, sample, ct));
    }

    static async Task<Results<Ok<SampleDto>, NotFound, ValidationProblem, ProblemHttpResult>> DrawSample(
        Guid id, DrawSampleRequest request, HttpContext http, DistributionDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, FieldError[]>();
        if (request.Allocation is null || !Enum.IsDefined(request.Allocation.Value))
            errors["allocation"] = [new(AllocationRequired, "Välj proportionell fördelning eller ett fast antal per distrikt.", "Choose proportional allocation or a fixed number per district.")];
        if (request.Size is null or < 1) errors["size"] = [new(SampleSizeTooSmall, "Urvalsstorleken måste vara minst 1.", "The sample size must be at least 1.")];
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return TypedResults.NotFound();
        if (await db.Samples.AnyAsync(s => s.SurveyId == id, ct))
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "sample-exists",
                new("Urvalet är redan draget", "The sample is already drawn"),
                new("En enkät har ett urval; dess frö är sparat.", "A survey has one sample; its seed is recorded."));
        }

        var frame = await db.FrameEntries.Where(f => f.SurveyId == id).OrderBy(f => f.Ordinal)
            .Select(f => new { f.Id, f.District, f.Sex, f.AgeGroup }).ToListAsync(ct);
        if (frame.Count == 0)
        {
            return CodedProblems.Problem(http, StatusCodes.Status409Conflict, "no-frame",
                new("Ingen urvalsram", "No population frame"),
                new("Läs in en urvalsram innan urvalet dras.", "Import a population frame before drawing the sample."));
        }
        var design = request.Allocation == SampleAllocation.Proportional
            ? SampleDesign.Proportional(request.Size!.Value)
            : SampleDesign.FixedPerStratum(request.Size!.Value);
        if (design.Allocation == SampleAllocation.Proportional && design.Size > frame.Count)
        {
            return CodedProblems.Validation(http, "size", new(SampleLargerThanFrame, $"Urvalet kan inte vara större än ramen ({frame.Count} personer).",
                $"The sample cannot be larger than the frame ({frame.Count} people)."));
        }
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue);
        var result = StratifiedSampler.Draw(frame.Select(f => f.District).ToList(), design, (ulong)seed);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var selectedIds = result.SelectedIndices.Select(i => frame[i].Id).ToArray();
        await db.FrameEntries.Where(f => selectedIds.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.Sampled, true), ct);
        var sample = new Sample
        {
            SurveyId = id, Seed = seed, Allocation = design.Allocation.ToString(), Size = design.Size, DrawnAt = clock.GetUtcNow(),
            FrameSize = frame.Count, SampleSize = selectedIds.Length,
        };
        db.Samples.Add(sample);
        db.AddToOutbox(new PopulationMarginsRegistered
        {
            SurveyId = id,
            Cells = frame.GroupBy(f => (f.District, f.Sex, f.AgeGroup))
                .OrderBy(g => g.Key.District, StringComparer.Ordinal).ThenBy(g => g.Key.Sex).ThenBy(g => g.Key.AgeGroup, StringComparer.Ordinal)
                .Select(g => new PopulationCell { Stratum = new Stratum { District = g.Key.District, Sex = g.Key.Sex, AgeGroup = g.Key.AgeGroup }, Count = g.Count() })
                .ToList(),
        }, clock);
        db.Audit(user, id, "sample.drawn", $"{design.Allocation} {design.Size}, seed {seed}", clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ToDtoAsync(db, sample, ct));
    }

    static async Task<SampleDto> ToDtoAsync(DistributionDbContext db, Sample sample, CancellationToken ct)
    {
        var districts = await db.FrameEntries.Where(f => f.SurveyId == sample.SurveyId)
            .GroupBy(f => f.District)
            .Select(g => new DistrictSample(g.Key, g.Count(), g.Count(f => f.Sampled)))
            .ToListAsync(ct);
        if (districts.Count == 0)
        {
            districts = await db.StratumCounts.Where(c => c.SurveyId == sample.SurveyId).GroupBy(c => c.District)
                .Select(g => new DistrictSample(g.Key, g.Sum(c => c.Population), g.Sum(c => c.Sampled))).ToListAsync(ct);
        }
        return new SampleDto(sample.Seed, Enum.Parse<SampleAllocation>(sample.Allocation), sample.Size, sample.FrameSize, sample.SampleSize, sample.DrawnAt,
            districts.OrderBy(d => d.District, StringComparer.Ordinal).ToList());
    }
}
