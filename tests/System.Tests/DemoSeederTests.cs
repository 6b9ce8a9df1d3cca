using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.DemoSeeder;
using Medborgare.ServiceDefaults;

namespace Medborgare.SystemTests;

/// <summary>
/// The whole app started with <c>--demo</c>, as <c>./run.sh --demo</c> starts it: the AppHost runs the demo seeder as a resource once
/// every part is healthy, here at a reduced scale (its Demo__* settings), and the tests read what a newcomer would see.
/// </summary>
public sealed class DemoAppFixture : WholeAppFixture
{
    public const int Responses = 150;

    protected override bool Dashboard => false;
    protected override IReadOnlyList<string> Arguments => ["--demo"];
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo__FramePersons"] = "3000", ["Demo__SampleSize"] = "300", ["Demo__ResponsesPerYear"] = Responses.ToString(),
        ["Demo__FeedbackItems"] = "24", ["Demo__Concurrency"] = "6",
    };

    public IReadOnlyList<int> Years { get; } = DemoOptions.DefaultYears(DateTime.UtcNow.Year);
    /// <summary>What the seeder library needs to talk to this app (for seeding a second time).</summary>
    public DemoOptions Options => new()
    {
        Distribution = new Uri(Url(ResourceNames.Distribution)), Collection = new Uri(Url(ResourceNames.Collection)),
        Analysis = new Uri(Url(ResourceNames.Analysis)), FollowUp = new Uri(Url(ResourceNames.FollowUp)), SigningKey = SigningKey,
        Years = Years, Output = TextWriter.Null,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var seeding = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var done = await App.ResourceNotifications.WaitForResourceAsync("demo",
            e => e.Snapshot.State?.Text is "Finished" or "Exited" or "FailedToStart", seeding.Token);
        if (done.Snapshot.ExitCode != 0)
            throw new InvalidOperationException($"The demo seeder ended with exit code {done.Snapshot.ExitCode}. Its log:\n{LogText}");
    }
}

/// <summary>Runs alone: a second whole app beside the shared one would starve both on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "demo app";
}

[Collection(DemoAppCollection.Name)]
public sealed class DemoSeederTests(DemoAppFixture fixture)
{
    static readonly string[] GoalAreaCodes = ["delaktighet", "livsmiljo", "omsorg", "utbildning"];

    [Fact]
    public async Task Three_survey_years_are_published_and_the_latest_compares_with_the_years_before()
    {
        Assert.Contains("is ready", fixture.LogText);
        var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);

        var surveys = (await analysis.GetFromJsonAsync<JsonElement>("/api/surveys")).EnumerateArray().ToList();
        Assert.Equal(fixture.Years.Order(), surveys.Select(s => s.GetProperty("year").GetInt32()).Order());
        foreach (var survey in surveys)
        {
            var respondents = await analysis.GetFromJsonAsync<JsonElement>($"/api/surveys/{survey.GetProperty("surveyId").GetGuid()}/respondents");
            Assert.Equal(DemoAppFixture.Responses, respondents.GetProperty("respondents").GetInt64());
        }

        var latest = surveys.MaxBy(s => s.GetProperty("year").GetInt32()).GetProperty("surveyId").GetGuid();
        var results = await analysis.GetFromJsonAsync<JsonElement>($"/api/surveys/{latest}/results");
        Assert.Equal("Published", results.GetProperty("status").GetString());
        Assert.Equal(150, results.GetProperty("respondents").GetInt64());
        var nmiTrend = results.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "NMI");
        Assert.Equal(fixture.Years.Order(), nmiTrend.GetProperty("years").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()));
        Assert.NotEmpty(nmiTrend.GetProperty("comparisons").EnumerateArray());
        var nmi = results.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "NMI");
        Assert.InRange(nmi.GetProperty("value").GetDouble(), 35, 85);
        Assert.True(nmi.GetProperty("ciLow").GetDouble() < nmi.GetProperty("ciHigh").GetDouble());
    }

    [Fact]
    public async Task The_politicians_overview_lists_the_four_goal_areas_with_coloured_statuses()
    {
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Politician);
        var overview = await followUp.GetFromJsonAsync<JsonElement>("/api/followup/overview");

        Assert.Equal(fixture.Years.Max(), overview.GetProperty("year").GetInt32());
        var areas = overview.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(GoalAreaCodes, areas.Select(a => a.GetProperty("code").GetString()).Order());
        foreach (var area in areas)
        {
            var counts = area.GetProperty("indicators");
            var coloured = counts.GetProperty("green").GetInt32() + counts.GetProperty("yellow").GetInt32() + counts.GetProperty("red").GetInt32();
            Assert.True(coloured >= 5, $"{area.GetProperty("code")} has only {coloured} coloured indicators: {counts}");
        }
        var admin = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        Assert.Equal(13, (await admin.GetFromJsonAsync<JsonElement>("/api/goals")).GetArrayLength() - 1 - 4);
        Assert.InRange((await admin.GetFromJsonAsync<JsonElement>("/api/indicators")).GetArrayLength(), 50, 65);
    }

    [Fact]
    public async Task A_goal_area_shows_citizen_indicators_with_CI_next_to_key_figures_with_peers_and_feedback()
    {
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Politician);
        var overview = await followUp.GetFromJsonAsync<JsonElement>("/api/followup/overview");
        var omsorg = overview.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "omsorg");

        var view = await followUp.GetFromJsonAsync<JsonElement>($"/api/followup/goal-areas/{omsorg.GetProperty("id").GetGuid()}");

        var citizen = view.GetProperty("citizenIndicators").EnumerateArray().ToList();
        Assert.Contains(citizen, i => i.GetProperty("sourceKey").GetString() == "NMI.aldreomsorg");
        Assert.All(citizen.Where(i => i.GetProperty("value").ValueKind == JsonValueKind.Number), i =>
        {
            var detail = i.GetProperty("citizen");
            Assert.True(detail.GetProperty("ciLow").GetDouble() <= i.GetProperty("value").GetDouble());
            Assert.True(detail.GetProperty("ciHigh").GetDouble() >= i.GetProperty("value").GetDouble());
            Assert.False(string.IsNullOrEmpty(detail.GetProperty("significanceSv").GetString()));
        });
        var operational = view.GetProperty("operationalIndicators").EnumerateArray().ToList();
        Assert.NotEmpty(operational);
        var waitingTime = operational.Single(i => i.GetProperty("sourceKey").GetString() == "N00923");
        var keyFigure = waitingTime.GetProperty("keyFigure");
        Assert.Equal(JsonValueKind.Number, waitingTime.GetProperty("value").ValueKind);
        Assert.Equal(DemoMunicipality.Country, keyFigure.GetProperty("country").GetProperty("municipality").GetString());
        Assert.Equal(DemoMunicipality.Peers.Order(), keyFigure.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("municipality").GetString()).Order());
        Assert.Equal("Preliminary", keyFigure.GetProperty("koladaStatus").GetString());

        var feedback = view.GetProperty("feedback");
        Assert.True(feedback.GetProperty("thisYear").GetInt32() > 0);
        var texts = feedback.GetProperty("recent").EnumerateArray().Select(f => f.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(texts);
        // "Hur ansöker jag om trygghetslarm? Min mamma har personnummer 19400512-2385." arrives masked.
        Assert.Contains(texts, t => t.Contains("trygghetslarm", StringComparison.Ordinal) && t.Contains("[personnummer]", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("19400512-2385", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synpunkter_are_cases_in_every_state_routed_to_the_goal_chains_committees_some_overdue_some_published()
    {
        var collection = fixture.StaffClient(ResourceNames.Collection, StaffRoles.Admin);
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        var cases = (await collection.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200")).GetProperty("cases").EnumerateArray().ToList();

        Assert.Equal(["Answered", "Assigned", "Closed", "Received"], cases.Select(c => c.GetProperty("status").GetString()).Distinct().Order());
        Assert.Contains(cases, c => c.GetProperty("channel").GetString() == "Letter");
        Assert.NotEmpty((await collection.GetFromJsonAsync<JsonElement>("/api/cases?overdue=true")).GetProperty("cases").EnumerateArray());
        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        var published = await anonymous.GetFromJsonAsync<JsonElement>("/api/feedback/published");
        Assert.NotEmpty(published.GetProperty("cases").EnumerateArray());

        // Each goal area's synpunkter went to the committee the goal chain names for the area.
        var areas = (await followUp.GetFromJsonAsync<JsonElement>("/api/goals")).EnumerateArray()
            .Where(g => g.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && GoalAreaCodes.Contains(code.GetString()))
            .ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("responsibleBody").GetString());
        Assert.Equal(GoalAreaCodes, areas.Keys.Order());
        foreach (var c in cases.Where(c => c.GetProperty("goalArea").ValueKind == JsonValueKind.String))
            Assert.Equal(areas[c.GetProperty("goalArea").GetString()!], c.GetProperty("committee").GetString());
    }

    [Fact]
    public async Task Uppdrag_are_given_some_prompted_by_a_priority_with_action_plans_one_late_activity_and_reports()
    {
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Politician);
        var assignments = (await followUp.GetFromJsonAsync<JsonElement>("/api/assignments")).EnumerateArray().ToList();
        Assert.InRange(assignments.Count, 4, 6);
        var prompted = assignments.Where(a => a.GetProperty("prompt").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(prompted);
        Assert.All(prompted, a => Assert.Equal(fixture.Years.Max(), a.GetProperty("prompt").GetProperty("surveyYear").GetInt32()));
        Assert.Contains(prompted, a => a.GetProperty("prompt").GetProperty("factorKey").GetString()?.Contains('.') == true);

        var views = new List<JsonElement>();
        foreach (var a in assignments) views.Add(await followUp.GetFromJsonAsync<JsonElement>($"/api/assignments/{a.GetProperty("id").GetGuid()}"));
        var activities = views.SelectMany(v => v.GetProperty("activities").EnumerateArray()).ToList();
        Assert.Single(activities, a => a.GetProperty("lateness").GetString() != "None");
        var reports = views.SelectMany(v => v.GetProperty("reports").EnumerateArray()).ToList();
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Year;
        var interim = reports.Where(r => r.GetProperty("period").GetString() == "Interim" && r.GetProperty("year").GetInt32() == year).ToList();
        Assert.Equal(3, interim.Count);
        Assert.All(interim, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("done").GetString())));
        Assert.Contains(interim, r => r.GetProperty("indicators").EnumerateArray().Any(i => i.GetProperty("value").ValueKind == JsonValueKind.Number));

        var periodReport = await followUp.GetFromJsonAsync<JsonElement>($"/api/followup/period-report/{year}/Interim");
        Assert.Equal(GoalAreaCodes, periodReport.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("area").GetProperty("area").GetProperty("code").GetString()).Order());
        Assert.Equal(3, periodReport.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("assignments").EnumerateArray())
            .Count(a => a.GetProperty("reports").GetArrayLength() == 1));
    }

    [Fact]
    public async Task Seeding_a_second_time_changes_nothing()
    {
        var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        var surveysBefore = (await distribution.GetFromJsonAsync<JsonElement>("/api/surveys")).GetArrayLength();
        var goalsBefore = (await followUp.GetFromJsonAsync<JsonElement>("/api/goals")).GetArrayLength();
        var indicatorsBefore = (await followUp.GetFromJsonAsync<JsonElement>("/api/indicators")).GetArrayLength();

        var again = await new DemoMunicipalitySeeder(fixture.Options).SeedAsync();

        Assert.True(again.AlreadySeeded);
        Assert.Equal(surveysBefore, (await distribution.GetFromJsonAsync<JsonElement>("/api/surveys")).GetArrayLength());
        Assert.Equal(goalsBefore, (await followUp.GetFromJsonAsync<JsonElement>("/api/goals")).GetArrayLength());
        Assert.Equal(indicatorsBefore, (await followUp.GetFromJsonAsync<JsonElement>("/api/indicators")).GetArrayLength());
    }
}

/// <summary>The answer model on its own: reproducible, and it carries the trends the demo promises.</summary>
public sealed class DemoAnswerModelTests
{
    static QuestionnaireSnapshot DefaultQuestionnaire()
    {
        var path = Path.Combine(Medborgare.Testing.TestServers.RepositoryRoot(), "services", "Distribution", "Questionnaires", "default-questionnaire.json");
        return JsonSerializer.Deserialize<QuestionnaireSnapshot>(File.ReadAllText(path), DemoHttp.Json)!;
    }

    static double MeanOf(IEnumerable<List<Answer>> answers, string prefix) =>
        answers.SelectMany(a => a).Where(a => a.QuestionKey.StartsWith(prefix, StringComparison.Ordinal) && a.Number is not null)
            .Average(a => (double)a.Number!.Value);

    static List<List<Answer>> Generate(AnswerModel model, int yearIndex, int people = 3000) =>
        Enumerable.Range(0, people).Select(i =>
        {
            var random = new Random(i);
            var respondent = Respondent.From(new Letter(i, i % 2 == 0 ? "Kerstin" : "Johan", "735 30", "X"), random);
            return model.Generate(respondent, yearIndex, random);
        }).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_answers()
    {
        var model = new AnswerModel(DefaultQuestionnaire());
        var letter = new Letter(7, "Lars", "735 91", "X");
        string Once() => JsonSerializer.Serialize(model.Generate(Respondent.From(letter, new Random(42)), 1, new Random(43)));
        Assert.Equal(Once(), Once());
    }

    [Fact]
    public void Elderly_care_declines_and_preschool_improves_over_the_years()
    {
        var model = new AnswerModel(DefaultQuestionnaire());
        var first = Generate(model, 0);
        var third = Generate(model, 2);

        Assert.True(MeanOf(first, "nmi.aldreomsorg.") - MeanOf(third, "nmi.aldreomsorg.") > 1.2);
        Assert.True(MeanOf(third, "nmi.forskola.") - MeanOf(first, "nmi.forskola.") > 0.3);
        // Conditions hold: only those with a child in preschool answer the preschool questions.
        Assert.All(first.Where(a => a.Any(x => x.QuestionKey.StartsWith("nmi.forskola.", StringComparison.Ordinal))),
            a => Assert.Equal(["ja"], a.Single(x => x.QuestionKey == "bakgrund.barn-forskola").Choices));
    }
}
