using System.Security.Claims;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.KeyFigures;
using Medborgare.FollowUp.Model;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Apis;

/// <summary>Key figures (nyckeltal) in Kolada's format: imports from a file or a Kolada-compatible URL, and the stored values.</summary>
public static class KeyFiguresApi
{
    const long MaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>The ProblemDetails extension of a refused file with its <see cref="ImportFailure"/>.</summary>
    public const string FailureKey = "failure";

    static readonly ServiceText FileNotKolada = new("Filen har inte Koladas format", "The file is not in Kolada's format");

    public static IEndpointRouteBuilder MapKeyFiguresApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/keyfigures/imports").WithTags("Key figures").RequireAuthorization(StaffPolicies.Admin);
        admin.MapPost("/file", ImportFile).WithName("ImportKeyFigureFile").Accepts<string>("application/json")
            .WithSummary("Import a Kolada JSON document: values (?content=values, the default) or KPI metadata (?content=kpis). All or nothing.")
            .WithBodyLimit(MaxUploadBytes);
        admin.MapPost("/", StartUrlImport).WithName("StartKeyFigureImport")
            .WithSummary("Start an import from the configured Kolada base URL for the municipality, the whole country and the peers; poll its progress");
        admin.MapGet("/", ListImports).WithName("ListKeyFigureImports").WithSummary("The latest imports, newest first");
        admin.MapGet("/{id:guid}", GetImport).WithName("GetKeyFigureImport").WithSummary("One import's state and progress (pages fetched, rows)");

        var read = app.MapGroup("/api/keyfigures").WithTags("Key figures").RequireAuthorization(StaffPolicies.Politician);
        read.MapGet("/values", ListValues).WithName("ListKeyFigureValues")
            .WithSummary("Stored values of one KPI (?kpi=), optionally for one municipality and period; null values are missing in Kolada");
        read.MapGet("/kpis", ListKpis).WithName("ListKpis").WithSummary("KPI metadata imported from Kolada");
        return app;
    }

    /// <summary>The import as it stands; a failure is worded in the request's language.</summary>
    static ImportDto ToDto(this KeyFigureImport i, HttpContext http, DateTimeOffset now)
    {
        var abandoned = i.State == ImportState.Running && now - i.LastProgressAt > KeyFigureImporter.AbandonedAfter;
        var failure = abandoned ? KeyFigureImporter.Abandoned : i.Failure;
        return new(i.Id, i.Kind, abandoned ? ImportState.Failed : i.State, i.SourceUrl, i.PagesFetched, i.Rows, i.KpisDescribed,
            failure is null ? null : ImportFailureText.For(failure).In(http), failure, i.StartedBy, i.StartedAt, i.FinishedAt);
    }

    static async Task<Results<Ok<ImportDto>, ProblemHttpResult>> ImportFile(string? content, HttpRequest request, FollowUpDbContext db,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        content ??= "values";
        if (content is not ("values" or "kpis"))
        {
            return CodedProblems.Problem(request.HttpContext, StatusCodes.Status400BadRequest, "kolada-content-unknown", new("Okänt innehåll", "Unknown content"),
                new("content ska vara 'values' (nyckeltalsvärden) eller 'kpis' (metadata).", "content is 'values' (key figure values) or 'kpis' (metadata)."));
        }
        string body;
        using (var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        List<KoladaValue> values = [];
        List<KoladaKpi> kpis = [];
        try
        {
            if (content == "values") values = [.. KoladaDocument.ParseData(body, KoladaPlace.File).Values];
            else kpis = [.. KoladaDocument.ParseKpis(body, KoladaPlace.File).Values];
        }
        catch (KoladaFormatException ex)
        {
            // Refused as it came: the administrator sees where the file is wrong, and nothing (not even a record of the attempt) is kept.
            // The failure's code and parts travel beside the sentence, as an import's do.
            var http = request.HttpContext;
            return TypedResults.Problem(title: FileNotKolada.In(http), detail: ImportFailureText.For(ex.Failure).In(http),
                statusCode: StatusCodes.Status400BadRequest, type: CodedProblems.Urn("kolada-format"),
                extensions: new Dictionary<string, object?> { [FailureKey] = ex.Failure });
        }
        if (values.Count == 0 && kpis.Count == 0)
        {
            return CodedProblems.Problem(request.HttpContext, StatusCodes.Status400BadRequest, "kolada-empty", new("Filen är tom", "The file is empty"),
                new("Filen har inga nyckeltalsvärden eller KPI:er. Inget har sparats.", "The file has no key figure values or KPIs. Nothing has been saved."));
        }

        var job = new KeyFigureImport
        {
            Id = Guid.CreateVersion7(), Kind = "file", State = ImportState.Running, StartedBy = user.Name(), StartedAt = clock.GetUtcNow(), LastProgressAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        job.PagesFetched = 1;
        job.Rows = await KeyFigureStore.UpsertAsync(db, job.Id, kpis, values, clock.GetUtcNow(), ct);
        job.KpisDescribed = kpis.Count;
        job.State = ImportState.Succeeded;
        job.FinishedAt = clock.GetUtcNow();
        db.KeyFigureImports.Add(job);
        db.Audit(user, "keyfigures.imported", $"file: {job.Rows} values, {kpis.Count} KPIs", clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(job.ToDto(request.HttpContext, clock.GetUtcNow()));
    }

    static async Task<Results<Accepted<ImportDto>, ValidationProblem>> StartUrlImport(HttpContext http, UrlImportBody? body, FollowUpDbContext db,
        KeyFigureImporter importer, KoladaClient kolada, IOptions<KoladaOptions> options, IConfiguration config, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var municipality = config.MunicipalityCode();
        var errors = new Errors();
        var kpis = body?.Kpis is { Length: > 0 } given
            ? given.Select(k => k.Trim()).Distinct().ToArray()
            : await db.Indicators.Where(i => i.MunicipalityCode == municipality && i.Source == IndicatorSource.Operational && i.SourceKey != null)
                .Select(i => i.SourceKey!).Distinct().OrderBy(k => k).ToArrayAsync(ct);
        if (kpis.Length == 0) errors.Add("kpis", KpisRequired, "Ange nyckeltal att hämta, eller koppla Kolada-nyckeltal till verksamhetsindikatorer först.",
            "Give the key figures to fetch, or link Kolada key figures to operational indicators first.");
        if (kpis.Length > 200) errors.Add("kpis", TooManyKpis, "Högst 200 nyckeltal per import.", "At most 200 key figures per import.");
        foreach (var bad in kpis.Where(k => !IndicatorsApi.KpiPattern().IsMatch(k)).Take(5)) errors.Add("kpis", KpiIdInvalid, $"'{bad}' är inget Kolada-id.", $"'{bad}' is not a Kolada id.");
        var thisYear = clock.GetUtcNow().Year;
        var to = body?.ToYear ?? thisYear - 1;
        var from = body?.FromYear ?? to - 4;
        errors.Period("fromYear", from);
        errors.Period("toYear", to);
        if (from > to || to - from > 30) errors.Add("fromYear", YearRangeInvalid, "Från-året ska ligga före till-året, högst 30 år tidigare.", "The from year must come before the to year, at most 30 years earlier.");
        if (errors.Count > 0) return CodedProblems.Validation(http, errors);

        var places = options.Value.Peers.Append(municipality).Append(Municipalities.Country).Distinct().ToArray();
        var years = Enumerable.Range(from, to - from + 1).ToArray();
        var job = new KeyFigureImport
        {
            Id = Guid.CreateVersion7(), Kind = "url", State = ImportState.Running, StartedBy = user.Name(), StartedAt = clock.GetUtcNow(), LastProgressAt = clock.GetUtcNow(),
            SourceUrl = kolada.DataUrl(kpis, places, years).ToString(),
        };
        db.KeyFigureImports.Add(job);
        db.Audit(user, "keyfigures.import.started", job.SourceUrl, clock);
        await db.SaveChangesAsync(ct);
        importer.Enqueue(new UrlImportRequest(job.Id, kpis, places, years));
        return TypedResults.Accepted($"/api/keyfigures/imports/{job.Id}", job.ToDto(http, clock.GetUtcNow()));
    }

    static async Task<Ok<ImportDto[]>> ListImports(HttpContext http, FollowUpDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await db.KeyFigureImports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(50).ToListAsync(ct))
            .Select(i => i.ToDto(http, clock.GetUtcNow())).ToArray());

    static async Task<Results<Ok<ImportDto>, NotFound>> GetImport(HttpContext http, Guid id, FollowUpDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.KeyFigureImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } job
            ? TypedResults.Ok(job.ToDto(http, clock.GetUtcNow()))
            : TypedResults.NotFound();

    static async Task<Results<Ok<KeyFigureValueDto[]>, ValidationProblem>> ListValues(HttpContext http, string? kpi, string? municipality, int? period,
        FollowUpDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(kpi))
        {
            return CodedProblems.Validation(http, "kpi", new(KpiRequired, "Ange nyckeltalets id, t.ex. ?kpi=N15419.", "Give the key figure's id, e.g. ?kpi=N15419."));
        }
        var query = db.KeyFigureValues.AsNoTracking().Where(v => v.Kpi == kpi);
        if (!string.IsNullOrWhiteSpace(municipality)) query = query.Where(v => v.Municipality == municipality);
        if (period is { } p) query = query.Where(v => v.Period == p);
        var rows = await query.OrderBy(v => v.Municipality).ThenBy(v => v.Period).ThenBy(v => v.Gender).Take(10_000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(v => new KeyFigureValueDto(v.Kpi, v.Municipality, v.Period, v.Gender, v.Value, v.Count, v.Status)).ToArray());
    }

    static async Task<Ok<KpiDto[]>> ListKpis(FollowUpDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Kpis.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new KpiDto(k.Id, k.Title, k.Description, k.IsDividedByGender, k.MunicipalityType, k.OperatingArea)).ToArrayAsync(ct));
}
