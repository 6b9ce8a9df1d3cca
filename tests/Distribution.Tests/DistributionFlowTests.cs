using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Distribution.Tests;

/// <summary>The analyst's path through Distribution, against real PostgreSQL and RabbitMQ.</summary>
public sealed class DistributionFlowTests(DistributionApp factory) : IClassFixture<DistributionApp>, IAsyncLifetime
{
    HttpClient analyst = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        analyst = factory.CreateStaffClient(StaffRoles.Analyst);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<SurveyDto> CreateAsync(int year = 2026, SurveyTemplate template = SurveyTemplate.Default)
    {
        var response = await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", year, $"Medborgarundersökning {year}", $"Citizen survey {year}", template));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SurveyDto>())!;
    }

    [Fact]
    public async Task A_survey_from_the_default_template_has_the_full_index_model_and_can_be_copied_next_year()
    {
        var survey = await CreateAsync(2025);

        var questionnaire = await analyst.GetFromJsonAsync<JsonElement>($"/api/surveys/{survey.Id}/questionnaire");
        Assert.True(questionnaire.GetProperty("indices").GetArrayLength() >= 29);
        Assert.Equal("Medborgarundersökning 2025", questionnaire.GetProperty("title").GetProperty("sv").GetString());

        var next = await CreateAsync(2026, SurveyTemplate.CopyLastYear);
        var copied = await analyst.GetFromJsonAsync<JsonElement>($"/api/surveys/{next.Id}/questionnaire");
        Assert.Equal(questionnaire.GetProperty("sections").GetRawText(), copied.GetProperty("sections").GetRawText());
        Assert.Equal("Medborgarundersökning 2026", copied.GetProperty("title").GetProperty("sv").GetString());
    }

    [Fact]
    public async Task Copying_last_year_without_a_last_year_is_a_clear_400()
    {
        var response = await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2026, "T", null, SurveyTemplate.CopyLastYear));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("template", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_questionnaire_is_refused_with_every_problem_and_the_draft_is_unchanged()
    {
        var survey = await CreateAsync();
        var before = await analyst.GetStringAsync($"/api/surveys/{survey.Id}/questionnaire");
        var bad = """
            {"title":{"en":"no swedish"},"sections":[{"key":"s","title":{"sv":"S"},"questions":[
              {"key":"a","type":"Scale","text":{"sv":"A"},"scale":{"min":3,"max":3,"minLabel":{"sv":"x"},"maxLabel":{"sv":"y"}}},
              {"key":"a","type":"Scale","text":{"sv":"A"},"scale":{"min":1,"max":10,"minLabel":{"sv":"x"},"maxLabel":{"sv":"y"}},
               "condition":{"questionKey":"later","anyOf":["ja"]}}]}],
             "indices":[{"key":"NRI","kind":"Overall","name":{"sv":"NRI"},"itemKeys":["nope"]}]}
            """;

        var response = await analyst.PutAsync($"/api/surveys/{survey.Id}/questionnaire", new StringContent(bad, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, problem.GetProperty("errors").EnumerateObject().Sum(e => e.Value.GetArrayLength()));
        var codes = problem.GetProperty("codes").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(c => c.GetString())).ToList();
        Assert.Equal(["condition-not-earlier", "index-item-unknown", "question-key-taken", "scale-empty", "swedish-text-missing"], codes.Order(StringComparer.Ordinal));
        Assert.Equal(before, await analyst.GetStringAsync($"/api/surveys/{survey.Id}/questionnaire"));
    }

    [Fact]
    public async Task A_malformed_frame_is_refused_with_line_numbers_and_nothing_is_stored()
    {
        var survey = await CreateAsync();
        var csv = "id;namn;adress;postnummer;ort;fodd;kon;distrikt\n" +
                  "19800101-0001;Anna A;Gatan 1;123 45;Orten;1980;K;Norra\n" +
                  "X2;Bo B;Gatan 2;ABC;Orten;1970;M;Norra\n" +
                  "X3;Cia C;Gatan 3;123 45;Orten;1975;Q;Södra\n";

        var response = await analyst.PutAsync($"/api/surveys/{survey.Id}/frame", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();
        Assert.Equal([3, 4], lines);
        Assert.Equal(0, (await analyst.GetFromJsonAsync<FrameSummary>($"/api/surveys/{survey.Id}/frame"))!.Persons);
    }

    [Theory]
    [InlineData(null, "Filen har fel på 2 ställen. Inget har sparats.", "Ogiltigt postnummer 'ABC'", "Ogiltigt kön 'Q' (ange K eller M)")]
    [InlineData("en", "The file has errors in 2 places. Nothing has been saved.", "Invalid postal code 'ABC'", "Invalid sex 'Q' (enter K or M)")]
    public async Task A_frame_files_line_errors_carry_codes_and_messages_in_the_asked_language(string? language, string title, string postalCode, string sex)
    {
        var survey = await CreateAsync();
        var csv = "id;namn;adress;postnummer;ort;fodd;kon;distrikt\n" +
                  "X2;Bo B;Gatan 2;ABC;Orten;1970;M;Norra\n" +
                  "X3;Cia C;Gatan 3;123 45;Orten;1975;Q;Södra\n";
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/surveys/{survey.Id}/frame") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);

        var response = await analyst.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<FrameProblem>())!;
        Assert.Equal(title, problem.Title);
        Assert.Equal(
        [
            new FrameLineError(2, "postnummer", DistributionErrorCodes.FramePostalCodeInvalid, postalCode, "ABC"),
            new FrameLineError(3, "kon", DistributionErrorCodes.FrameSexInvalid, sex, "Q"),
        ], problem.Errors);
        Assert.False(problem.Truncated);
    }

    [Fact]
    public async Task The_same_frame_uploaded_twice_at_once_is_stored_once_without_an_error()
    {
        var survey = await CreateAsync();
        var csv = new StringBuilder("id;namn;adress;postnummer;ort;fodd;kon;distrikt\n");
        for (var i = 1; i <= 2000; i++) csv.Append($"P{i};Person {i};Gatan {i};123 45;Orten;{1940 + i % 60};{(i % 2 == 0 ? "K" : "M")};{(i % 3 == 0 ? "Norra" : "Södra")}\n");

        // A double-clicked upload: two identical imports race; the survey's row lock runs them one after the other.
        var uploads = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            analyst.PutAsync($"/api/surveys/{survey.Id}/frame", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))));

        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.OK, u.StatusCode));
        Assert.Equal(2000, (await analyst.GetFromJsonAsync<FrameSummary>($"/api/surveys/{survey.Id}/frame"))!.Persons);
    }

    [Fact]
    public async Task The_whole_distribution_path_from_frame_to_purge()
    {
        await using var issuedListener = await TestBus<InvitationsIssued>.StartAsync(factory.BrokerConnectionString, "test-invitations");
        await using var marginsListener = await TestBus<PopulationMarginsRegistered>.StartAsync(factory.BrokerConnectionString, "test-margins");
        await using var closedListener = await TestBus<SurveyClosed>.StartAsync(factory.BrokerConnectionString, "test-closed");
        var survey = await CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/surveys/{survey.Id}/publish", null)).StatusCode);

        // Frame: 3,000 synthetic residents.
        var frame = await (await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/frame/synthetic", new { count = 3000, seed = 7 }))
            .Content.ReadFromJsonAsync<FrameSummary>();
        Assert.Equal(3000, frame!.Persons);

        // Sample: proportional, 300, with a recorded seed.
        var sampleResponse = await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/sample",
            new DrawSampleRequest(SampleAllocation.Proportional, 300, 42));
        Assert.Equal(HttpStatusCode.OK, sampleResponse.StatusCode);
        var sample = (await sampleResponse.Content.ReadFromJsonAsync<SampleDto>())!;
        Assert.Equal(300, sample.SampleSize);
        Assert.Equal(42, sample.Seed);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/sample",
            new DrawSampleRequest(SampleAllocation.Proportional, 300, 1))).StatusCode);
        var margins = await Eventually.GetAsync(() => Task.FromResult(marginsListener.Received.FirstOrDefault()), what: "PopulationMarginsRegistered");
        Assert.Equal(3000, margins.Message.Cells.Sum(c => c.Count));

        // Invitations: one code per sampled person; only hashes leave.
        var issued = await (await analyst.PostAsync($"/api/surveys/{survey.Id}/invitations", null)).Content.ReadFromJsonAsync<IssueResult>();
        Assert.Equal(300, issued!.Issued);
        var message = await Eventually.GetAsync(() => Task.FromResult(issuedListener.Received.FirstOrDefault()), what: "InvitationsIssued");
        Assert.Equal(300, message.Message.Invitations.Count);

        var printFile = await analyst.GetAsync($"/api/surveys/{survey.Id}/invitations/print-file");
        var bytes = await printFile.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("namn;adress;postnummer;ort;kod;webbadress;kommun", rows[0]);
        Assert.Equal(301, rows.Length);
        var codes = rows[1..].Select(r => r.Split(';')[4]).ToList();
        Assert.All(codes, c => Assert.Equal(InvitationCodeCheck.Valid, InvitationCode.Check(c, out _)));
        var raw = JsonSerializer.Serialize(message.Message);
        Assert.All(codes, c => Assert.DoesNotContain(c.Replace("-", ""), raw));
        var hashes = message.Message.Invitations.Select(i => i.CodeHash).ToHashSet();
        Assert.All(codes, c =>
        {
            InvitationCode.Check(c, out var normalized);
            Assert.Contains(InvitationCode.Hash(normalized, message.Message.CodeSalt), hashes);
        });

        // Ten residents answer; the reminder round goes to the other 290 only. Seven flags come in one batch (delivered twice),
        // three one by one as earlier versions sent them.
        var answeredHashes = codes.Take(10).Select(code =>
        {
            InvitationCode.Check(code, out var normalized);
            return InvitationCode.Hash(normalized, message.Message.CodeSalt);
        }).ToList();
        var batchId = Guid.NewGuid();
        var batch = new InvitationsAnswered { SurveyId = survey.Id, CodeHashes = answeredHashes[..7] };
        await TestMessages.PublishAsync(factory.BrokerConnectionString, batch, batchId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, batch, batchId);
        foreach (var hash in answeredHashes[7..])
        {
            await TestMessages.PublishAsync(factory.BrokerConnectionString, new InvitationAnswered { SurveyId = survey.Id, CodeHash = hash }, Guid.NewGuid());
        }
        await Eventually.TrueAsync(async () => (await analyst.GetFromJsonAsync<ResponseRate>($"/api/surveys/{survey.Id}/response-rate"))!.Answered == 10,
            what: "ten answers counted");
        var rate = (await analyst.GetFromJsonAsync<ResponseRate>($"/api/surveys/{survey.Id}/response-rate"))!;
        Assert.Equal(3.3, rate.Rate);
        Assert.Equal(10, rate.ByDistrict.Sum(d => d.Answered));
        var reminder = await (await analyst.PostAsync($"/api/surveys/{survey.Id}/reminders", null)).Content.ReadFromJsonAsync<ReminderResult>();
        Assert.Equal(new ReminderResult(1, 290), reminder);
        var reminderRows = (await analyst.GetStringAsync($"/api/surveys/{survey.Id}/invitations/print-file?round=1"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(291, reminderRows.Length);
        Assert.DoesNotContain(reminderRows, r => codes.Take(10).Any(c => r.Contains(c)));

        // Close with no retention, then purge: names and codes are gone, counts remain.
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/close", new CloseSurveyRequest(0))).StatusCode);
        await Eventually.GetAsync(() => Task.FromResult(closedListener.Received.FirstOrDefault()), what: "SurveyClosed");
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/surveys/{survey.Id}/purge", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await analyst.GetAsync($"/api/surveys/{survey.Id}/invitations/print-file")).StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DistributionDbContext>();
        Assert.Equal(0, await db.FrameEntries.CountAsync(f => f.SurveyId == survey.Id));
        Assert.Equal(0, await db.Invitations.CountAsync(i => i.SurveyId == survey.Id && (i.ProtectedCode != null || i.FrameEntryId != null)));
        Assert.Equal(3000, await db.StratumCounts.Where(c => c.SurveyId == survey.Id).SumAsync(c => c.Population));
        Assert.Equal(300, await db.StratumCounts.Where(c => c.SurveyId == survey.Id).SumAsync(c => c.Sampled));
        Assert.Equal(10, await db.StratumCounts.Where(c => c.SurveyId == survey.Id).SumAsync(c => c.Answered));
        Assert.Equal(10, (await analyst.GetFromJsonAsync<ResponseRate>($"/api/surveys/{survey.Id}/response-rate"))!.Answered);
        Assert.Equal(3000, (await analyst.GetFromJsonAsync<FrameSummary>($"/api/surveys/{survey.Id}/frame"))!.Persons);
    }

    [Fact]
    public async Task The_print_file_names_the_configured_municipality_on_every_letter()
    {
        var survey = await CreateAsync();
        await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/frame/synthetic", new { count = 200, seed = 3 });
        await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/sample", new { allocation = "Proportional", size = 20, seed = 3 });
        var issued = await (await analyst.PostAsync($"/api/surveys/{survey.Id}/invitations", null)).Content.ReadFromJsonAsync<JsonElement>();

        var rows = (await analyst.GetStringAsync($"/api/surveys/{survey.Id}/invitations/print-file"))
            .TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("kommun", rows[0].Split(';')[^1]);
        Assert.Equal(issued.GetProperty("issued").GetInt32(), rows.Length - 1);
        Assert.All(rows[1..], r => Assert.Equal(DistributionApp.MunicipalityName, r.Split(';')[^1]));
    }

    [Fact]
    public async Task Purging_before_the_retention_period_has_passed_is_refused()
    {
        var survey = await CreateAsync();
        await analyst.PostAsync($"/api/surveys/{survey.Id}/publish", null);
        await analyst.PostAsJsonAsync($"/api/surveys/{survey.Id}/close", new CloseSurveyRequest(30));

        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsync($"/api/surveys/{survey.Id}/purge", null)).StatusCode);
    }
}
