using System.Net;
using System.Net.Http.Json;
using System.Text;
using Medborgare.FollowUp.Model;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Tests;

/// <summary>Key figures from a Kolada-compatible server on 127.0.0.1 serving recorded pages, and from uploaded files.</summary>
public sealed class KeyFigureImportTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    FakeKolada kolada = null!;
    HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        kolada = factory.Kolada;
        admin = factory.CreateStaffClient(StaffRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static readonly object Request = new { kpis = new[] { "N15419", "N00923" }, fromYear = 2022, toYear = 2023 };

    async Task<ImportDto> RunUrlImportAsync()
    {
        var start = await admin.PostAsJsonAsync("/api/keyfigures/imports", Request);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var job = (await start.Content.ReadFromJsonAsync<ImportDto>(TestJson.Options))!;
        Assert.Equal(ImportState.Running, job.State);
        Assert.Equal($"/api/keyfigures/imports/{job.Id}", start.Headers.Location?.OriginalString);
        return await Eventually.GetAsync(async () =>
        {
            var now = await admin.GetFromJsonAsync<ImportDto>($"/api/keyfigures/imports/{job.Id}", TestJson.Options);
            return now!.State == ImportState.Running ? null : now;
        }, what: "the import to finish");
    }

    [Fact]
    public async Task An_import_follows_every_page_and_keeps_missing_values_and_status_flags()
    {
        var job = await RunUrlImportAsync();

        Assert.True(job.State == ImportState.Succeeded, job.Error);
        Assert.Equal(4, job.PagesFetched);   // one KPI page and three data pages
        Assert.Equal(16, job.Rows);
        Assert.Equal(2, job.KpisDescribed);
        var requests = kolada.Requests.ToArray();
        Assert.Equal("/v2/kpi/N15419,N00923", requests[0].Split('?')[0]);
        Assert.Equal("/v2/data/kpi/N15419,N00923/municipality/1280,0180,1480,0000/year/2022,2023?per_page=3", requests[1]);
        Assert.Contains("?page=3", requests[3]);

        await using var db = factory.Db();
        Assert.Equal(16, await db.KeyFigureValues.CountAsync());
        var malmo = await db.KeyFigureValues.SingleAsync(v => v.Kpi == "N15419" && v.Municipality == "1280" && v.Gender == "T");
        Assert.Null(malmo.Value);   // missing in Kolada, not 0
        var waiting = await db.KeyFigureValues.SingleAsync(v => v.Kpi == "N00923" && v.Municipality == "1480" && v.Period == 2023);
        Assert.Equal((54.5, "Preliminary"), (waiting.Value!.Value, waiting.Status));
        Assert.Equal("Grundskola", (await db.Kpis.SingleAsync(k => k.Id == "N15419")).OperatingArea);

        var values = await admin.GetFromJsonAsync<KeyFigureValueDto[]>("/api/keyfigures/values?kpi=N15419&municipality=1280", TestJson.Options);
        Assert.All(values!, v => Assert.Null(v.Value));
    }

    [Fact]
    public async Task A_re_import_replaces_values_and_never_duplicates_them()
    {
        Assert.Equal(ImportState.Succeeded, (await RunUrlImportAsync()).State);
        var second = await RunUrlImportAsync();

        Assert.Equal(ImportState.Succeeded, second.State);
        await using var db = factory.Db();
        Assert.Equal(16, await db.KeyFigureValues.CountAsync());
        Assert.Equal(16, await db.KeyFigureValues.CountAsync(v => v.ImportId == second.Id));
    }

    [Fact]
    public async Task A_bad_page_two_rejects_the_whole_import_with_a_clear_error_and_stores_nothing()
    {
        kolada.BadPage = 2;

        var job = await RunUrlImportAsync();

        Assert.Equal(ImportState.Failed, job.State);
        Assert.Equal((KoladaGenderUnknown, KoladaSource.ValuePage, 2, "values[1].values[0].gender", "X"),
            (job.Failure!.Code, job.Failure.Place!.Source, job.Failure.Place.Page, job.Failure.Path, job.Failure.Value));
        Assert.StartsWith("sida 2 (", job.Error);
        Assert.Contains("values[1].values[0].gender okänt kön \"X\"", job.Error);
        Assert.EndsWith("Inget har sparats.", job.Error);
        var inEnglish = await GetImportAsync(job.Id, "en");
        Assert.StartsWith("page 2 (", inEnglish.Error);
        Assert.Contains("values[1].values[0].gender unknown gender \"X\"", inEnglish.Error);
        Assert.EndsWith("Nothing has been saved.", inEnglish.Error);
        await using var db = factory.Db();
        Assert.Equal(0, await db.KeyFigureValues.CountAsync());
        Assert.Equal(0, await db.Kpis.CountAsync());   // page 1 and the metadata were read, but nothing is kept
        Assert.DoesNotContain(kolada.Requests, r => r.Contains("?page=3"));
    }

    [Fact]
    public async Task A_page_that_cannot_be_fetched_rejects_the_import_and_stores_nothing()
    {
        kolada.MissingPage = 3;

        var job = await RunUrlImportAsync();

        Assert.Equal(ImportState.Failed, job.State);
        Assert.Equal((KoladaFetchStatus, 3, "404"), (job.Failure!.Code, job.Failure.Place!.Page, job.Failure.Value));
        Assert.Contains("sida 3", job.Error);
        Assert.Contains("hämtningen misslyckades med HTTP 404", job.Error);
        Assert.Contains("the fetch failed with HTTP 404", (await GetImportAsync(job.Id, "en")).Error);
        await using var db = factory.Db();
        Assert.Equal(0, await db.KeyFigureValues.CountAsync());
    }

    [Fact]
    public async Task Progress_is_readable_in_the_list_of_imports()
    {
        var job = await RunUrlImportAsync();

        var list = (await admin.GetFromJsonAsync<ImportDto[]>("/api/keyfigures/imports", TestJson.Options))!;
        var listed = Assert.Single(list);
        Assert.Equal((job.Id, 4, 16, "test-user"), (listed.Id, listed.PagesFetched, listed.Rows, listed.StartedBy));
        Assert.NotNull(listed.FinishedAt);
    }

    [Fact]
    public async Task An_import_cut_off_by_a_restart_is_reported_as_failed()
    {
        var id = Guid.NewGuid();
        await using (var db = factory.Db())
        {
            var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
            db.KeyFigureImports.Add(new KeyFigureImport { Id = id, Kind = "url", State = ImportState.Running, StartedBy = "someone", StartedAt = longAgo, LastProgressAt = longAgo, PagesFetched = 2 });
            await db.SaveChangesAsync();
        }

        var job = (await admin.GetFromJsonAsync<ImportDto>($"/api/keyfigures/imports/{id}", TestJson.Options))!;

        Assert.Equal((ImportState.Failed, ImportAbandoned), (job.State, job.Failure?.Code));
        Assert.Contains("Inget har sparats", job.Error);
        Assert.Contains("Nothing has been saved", (await GetImportAsync(id, "en")).Error);
    }

    [Fact]
    public async Task A_file_in_Koladas_shape_is_imported_and_a_re_upload_does_not_duplicate()
    {
        var first = await UploadAsync(FakeKolada.Recorded("file-values.json"));
        var kpis = await UploadAsync(FakeKolada.Recorded("kpi.json"), "?content=kpis");
        var again = await UploadAsync(FakeKolada.Recorded("file-values.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var job = (await again.Content.ReadFromJsonAsync<ImportDto>(TestJson.Options))!;
        Assert.Equal((ImportState.Succeeded, "file", 16), (job.State, job.Kind, job.Rows));
        await using var db = factory.Db();
        Assert.Equal(16, await db.KeyFigureValues.CountAsync());
        Assert.Equal(2, await db.Kpis.CountAsync());
        Assert.Null((await db.KeyFigureValues.SingleAsync(v => v.Kpi == "N15419" && v.Municipality == "1280" && v.Gender == "K")).Value);
    }

    [Theory]
    [InlineData("file-bad-value.json", KoladaValueNotANumber, "values[4].values[0].value", "ska vara ett tal eller null", "must be a number or null")]
    [InlineData("data-page2-bad.json", KoladaGenderUnknown, "values[1].values[0].gender", "okänt kön", "unknown gender")]
    public async Task A_bad_file_is_rejected_with_problem_details_naming_where_and_nothing_is_stored(string file, string code, string path,
        string swedish, string english)
    {
        var response = await UploadAsync(FakeKolada.Recorded(file));
        var inEnglish = await UploadAsync(FakeKolada.Recorded(file), language: "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestJson.Options))!;
        Assert.Equal(CodedProblems.Urn("kolada-format"), problem.Type);
        var failure = System.Text.Json.JsonSerializer.Deserialize<ImportFailure>((System.Text.Json.JsonElement)problem.Extensions["failure"]!, TestJson.Options)!;
        Assert.Equal((code, KoladaSource.File, path), (failure.Code, failure.Place!.Source, failure.Path));
        Assert.StartsWith($"filen: {path} {swedish}", problem.Detail);
        Assert.EndsWith("Inget har sparats.", problem.Detail);
        var englishProblem = (await inEnglish.Content.ReadFromJsonAsync<ProblemDetails>(TestJson.Options))!;
        Assert.StartsWith($"the file: {path} {english}", englishProblem.Detail);
        Assert.EndsWith("Nothing has been saved.", englishProblem.Detail);
        await using var db = factory.Db();
        Assert.Equal(0, await db.KeyFigureValues.CountAsync());
        Assert.Equal(0, await db.KeyFigureImports.CountAsync());
    }

    [Fact]
    public async Task Malformed_JSON_is_rejected_with_its_line_and_nothing_is_stored()
    {
        var response = await UploadAsync("{\"values\": [\n{\"kpi\": \"N15419\",,}]}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestJson.Options))!;
        Assert.StartsWith("filen: ogiltig JSON (rad 2", problem.Detail);
        Assert.Equal(KoladaInvalidJson, ((System.Text.Json.JsonElement)problem.Extensions["failure"]!).GetProperty("code").GetString());
        await using var db = factory.Db();
        Assert.Equal(0, await db.KeyFigureValues.CountAsync());
    }

    [Fact]
    public async Task Imports_are_for_administrators_only()
    {
        var politician = factory.CreateStaffClient(StaffRoles.Politician);
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PostAsJsonAsync("/api/keyfigures/imports", Request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/keyfigures/imports/file",
            new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_url_import_with_a_bad_KPI_id_is_a_validation_problem()
    {
        var response = await admin.PostAsJsonAsync("/api/keyfigures/imports", new { kpis = new[] { "N15419/../x" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestJson.Options))!;
        Assert.Contains("kpis", problem.Errors.Keys);
        Assert.Empty(kolada.Requests);
    }

    Task<HttpResponseMessage> UploadAsync(string json, string query = "", string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/keyfigures/imports/file" + query)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return admin.SendAsync(request);
    }

    async Task<ImportDto> GetImportAsync(Guid id, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/keyfigures/imports/{id}");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await admin.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<ImportDto>(TestJson.Options))!;
    }
}
