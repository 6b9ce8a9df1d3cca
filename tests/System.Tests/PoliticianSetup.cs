using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using MassTransit;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

/// <summary>
/// A goal area for the politicians' pages, set up the way staff and the other services would: the goal chain and its
/// indicators through FollowUp's admin API, two published survey years, one item of feedback and two answered cases as
/// messages on the app's real RabbitMQ. The key figures are left for the browser test to import through the admin page.
/// </summary>
public sealed record PoliticianScenario(Guid AreaId, string AreaCode, string AreaTitle, Guid CouncilGoalId, Guid CommitteeGoalId,
    Guid CitizenIndicatorId, Guid OperationalIndicatorId)
{
    public const int Year = 2014;
    public const string Kpi = "N07550";
    public const string CitizenKey = "NRI.trygghet";
    public const string Peer = "0583";
    public const string PriorityName = "Trygghet";
    public const string FeedbackText = "Gångtunneln vid stationen är helt mörk på kvällarna.";
    const string Municipality = "9901";

    static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<PoliticianScenario> CreateAsync(WholeAppFixture fixture)
    {
        using var admin = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        var (visionId, code) = await VisionAndFreeAreaCodeAsync(admin);
        var title = $"Trygghet och livsmiljö {Guid.NewGuid().ToString("N")[..4]}";
        var area = await CreateGoalAsync(admin, "GoalArea", visionId, code, title, "Kommunfullmäktige");
        var council = await CreateGoalAsync(admin, "CouncilGoal", area, null, "Invånarna känner sig trygga", "Kommunfullmäktige");
        var committee = await CreateGoalAsync(admin, "CommitteeGoal", council, null, "Fler upplysta gång- och cykelvägar", "Tekniska nämnden");

        var citizen = await CreateIndicatorAsync(admin, new
        {
            goalId = council, name = "Trygghet enligt invånarna", source = "Citizen", sourceKey = CitizenKey, unit = "",
            direction = "HigherIsBetter", tolerance = 3.0, splitBySex = false, sortOrder = 0,
            targets = new[] { new { period = Year - 1, target = 60.0 }, new { period = Year, target = 60.0 } },
        });
        var operational = await CreateIndicatorAsync(admin, new
        {
            goalId = committee, name = "Andel upplysta gång- och cykelvägar", source = "Operational", sourceKey = Kpi, unit = "%",
            direction = "HigherIsBetter", tolerance = 2.0, splitBySex = false, sortOrder = 0,
            targets = new[] { new { period = Year, target = 70.0 } },
        });

        // Synpunkter as cases on the area itself: the share answered in time and the median response time.
        foreach (var (name, key, unit, direction, target) in new[]
        {
            ("Synpunkter besvarade i tid", "answered-in-time", "%", "HigherIsBetter", 90.0),
            ("Svarstid för synpunkter", "median-response-days", "arbetsdagar", "LowerIsBetter", 10.0),
        })
        {
            await CreateIndicatorAsync(admin, new
            {
                goalId = area, name, source = "Feedback", sourceKey = key, unit, direction, tolerance = 1.0, splitBySex = false, sortOrder = 0,
                targets = new[] { new { period = Year, target } },
            });
        }

        await PublishAsync(fixture, code);
        await WaitForCitizenResultsAsync(admin, area);
        return new PoliticianScenario(area, code, title, council, committee, citizen, operational);
    }

    /// <summary>Two survey years as Analysis publishes them, and one masked item of feedback as Collection sends it.</summary>
    static async Task PublishAsync(WholeAppFixture fixture, string code)
    {
        var broker = (await fixture.App.GetConnectionStringAsync(ResourceNames.Messaging))!;
        await using var bus = await TestBus<SurveyResultsPublished>.StartAsync(broker, "politician-tests-results");
        await bus.Bus.Publish(new SurveyResultsPublished
        {
            SurveyId = Guid.NewGuid(), MunicipalityCode = Municipality, Year = Year - 1,
            Indicators = [new IndicatorResult { Key = CitizenKey, Kind = IndicatorKind.Index, Value = 58.2, CiLow = 55.1, CiHigh = 61.3, N = 812, GoalAreaTags = [code] }],
        });
        await bus.Bus.Publish(new SurveyResultsPublished
        {
            SurveyId = Guid.NewGuid(), MunicipalityCode = Municipality, Year = Year,
            Indicators =
            [
                new IndicatorResult
                {
                    Key = CitizenKey, Kind = IndicatorKind.Index, Value = 63.4, CiLow = 60.6, CiHigh = 66.2, N = 845,
                    ChangeVsLastYear = ChangeSignificance.SignificantIncrease, PreviousValue = 58.2, GoalAreaTags = [code],
                },
            ],
            Priorities =
            [
                new PriorityResult
                {
                    OverallKey = "NRI", FactorKey = "NRI.bostader", NameSv = "Bostäder", NameEn = "Housing", Score = 71.5, Effect = 1.2, N = 830,
                    Quadrant = PriorityQuadrant.LagrePrioritet, GoalAreaTags = [code],
                },
                new PriorityResult
                {
                    OverallKey = "NRI", FactorKey = CitizenKey, NameSv = PriorityName, NameEn = "Safety", Score = 63.4, Effect = 2.7, N = 845,
                    Quadrant = PriorityQuadrant.Prioritera, GoalAreaTags = [code],
                },
            ],
        });
        await bus.Bus.Publish(new CitizenFeedbackReceived
        {
            FeedbackId = Guid.NewGuid(), MunicipalityCode = Municipality, Category = "klagomål", GoalArea = code, District = "Norr",
            MaskedText = FeedbackText, ReceivedAt = new DateTimeOffset(Year, 6, 3, 18, 30, 0, TimeSpan.Zero),
        });
        // Two cases answered that year, after 4 and 20 working days, the second late: 50 % in time, median 12 days.
        foreach (var (days, inTime) in new[] { (4, true), (20, false) })
        {
            var answeredAt = new DateTimeOffset(Year, 9, 1, 10, 0, 0, TimeSpan.Zero);
            await bus.Bus.Publish(new CitizenFeedbackAnswered
            {
                FeedbackId = Guid.NewGuid(), MunicipalityCode = Municipality, Category = "klagomål", GoalArea = code, Committee = "Tekniska nämnden",
                ReceivedAt = answeredAt.AddDays(-days - 2), AnsweredAt = answeredAt, DueDate = DateOnly.FromDateTime(answeredAt.UtcDateTime.AddDays(inTime ? 5 : -5)),
                WorkingDays = days, InTime = inTime,
            });
        }
    }

    static async Task WaitForCitizenResultsAsync(HttpClient admin, Guid area)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/followup/goal-areas/{area}?year={Year}", Json);
            var citizen = view.GetProperty("citizenIndicators").EnumerateArray().ToList();
            var feedback = view.GetProperty("feedback").GetProperty("recent").GetArrayLength();
            var priorities = view.GetProperty("priorities").GetArrayLength();
            var answered = view.GetProperty("areaIndicators").EnumerateArray().Count(i => i.GetProperty("value").ValueKind == JsonValueKind.Number
                && i.GetProperty("sourceKey").GetString() == "median-response-days" && i.GetProperty("value").GetDouble() == 12);
            if (citizen.Count == 1 && citizen[0].GetProperty("value").ValueKind == JsonValueKind.Number && feedback > 0 && priorities == 2
                && answered == 1) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("FollowUp did not take the published results and the feedback within 60 s: " + view);
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The app's vision (created when there is none yet), and a goal-area code no goal area here has taken. The code ties
    /// feedback and survey tags to an area: one that Collection's feedback form offers and the default questionnaire tags.
    /// </summary>
    internal static async Task<(Guid VisionId, string Code)> VisionAndFreeAreaCodeAsync(HttpClient admin)
    {
        var goals = await admin.GetFromJsonAsync<JsonElement[]>("/api/goals", Json) ?? [];
        var vision = goals.FirstOrDefault(g => g.GetProperty("level").GetString() == "Vision");
        var visionId = vision.ValueKind == JsonValueKind.Object ? vision.GetProperty("id").GetGuid()
            : await CreateGoalAsync(admin, "Vision", null, null, "Den trygga och hållbara kommunen", "Kommunfullmäktige");
        var taken = goals.Select(g => g.TryGetProperty("code", out var c) ? c.GetString() : null).ToHashSet();
        var code = new[] { "livsmiljo", "delaktighet", "omsorg", "utbildning" }.FirstOrDefault(c => !taken.Contains(c))
            ?? throw new InvalidOperationException("every goal-area code that feedback can carry is already taken in this app");
        return (visionId, code);
    }

    internal static async Task<Guid> CreateGoalAsync(HttpClient admin, string level, Guid? parentId, string? code, string title, string owner)
    {
        using var response = await admin.PostAsJsonAsync("/api/goals",
            new { level, parentId, code, title, text = $"{title}: måltext för fullmäktige.", responsibleBody = owner, sortOrder = 0 }, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating the {level} failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    internal static async Task<Guid> CreateIndicatorAsync(HttpClient admin, object request)
    {
        using var response = await admin.PostAsJsonAsync("/api/indicators", request, Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating an indicator failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>
    /// Key figures in Kolada's own shape: three years for the municipality, the whole country (0000, one year missing
    /// in Kolada) and the peer.
    /// </summary>
    public static byte[] KoladaFile()
    {
        static object Row(string municipality, int period, double? value, string status = "") =>
            new { kpi = Kpi, municipality, period, values = new[] { new { gender = "T", count = 1, status, value } } };
        var rows = new[]
        {
            Row(Municipality, Year - 2, 61.0), Row(Municipality, Year - 1, 64.0), Row(Municipality, Year, 68.5),
            Row("0000", Year - 2, null, "Missing"), Row("0000", Year - 1, 65.0), Row("0000", Year, 66.1),
            Row(Peer, Year - 1, 69.9), Row(Peer, Year, 71.2),
        };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { count = rows.Length, values = rows, next_page = (string?)null }));
    }
}
