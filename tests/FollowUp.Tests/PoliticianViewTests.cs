using System.Net;
using System.Net.Http.Json;
using System.Text;
using Medborgare.Contracts;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using static Medborgare.FollowUp.Apis.AssessmentsApi;
using static Medborgare.FollowUp.Apis.GoalsApi;
using static Medborgare.FollowUp.Apis.IndicatorsApi;
using static Medborgare.FollowUp.Apis.PoliticianViewApi;

namespace Medborgare.FollowUp.Tests;

/// <summary>The politicians' goal-area view: goals, citizen indicators beside key figures with peers, feedback, assessments.</summary>
public sealed class PoliticianViewTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    HttpClient admin = null!, politician = null!;
    GoalDto area = null!, council = null!, committee = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        admin = factory.CreateStaffClient(StaffRoles.Admin);
        politician = factory.CreateStaffClient(StaffRoles.Politician);

        var vision = await Post<GoalDto>("/api/goals", new { level = "Vision", title = "Ett Göteborg för alla", responsibleBody = "Kommunfullmäktige" });
        area = await Post<GoalDto>("/api/goals", new { level = "GoalArea", parentId = vision.Id, code = "utbildning", title = "Utbildning", responsibleBody = "Kommunfullmäktige" });
        await Post<GoalDto>("/api/goals", new { level = "GoalArea", parentId = vision.Id, code = "trygghet", title = "Trygghet", responsibleBody = "Kommunfullmäktige" });
        council = await Post<GoalDto>("/api/goals", new { level = "CouncilGoal", parentId = area.Id, title = "Invånarna är nöjda med kommunens verksamheter", responsibleBody = "Kommunfullmäktige", sortOrder = 1 });
        committee = await Post<GoalDto>("/api/goals", new { level = "CommitteeGoal", parentId = council.Id, title = "Fler elever är behöriga till gymnasiet", responsibleBody = "Grundskolenämnden" });

        await Post<IndicatorDto>("/api/indicators", new { goalId = council.Id, name = "Nöjd-Medborgar-Index", source = "Citizen", sourceKey = "NMI",
            direction = "HigherIsBetter", tolerance = 3, unit = "index", targets = new[] { new { period = 2023, target = 58 } } });
        await Post<IndicatorDto>("/api/indicators", new { goalId = council.Id, name = "Synpunkter om utbildning", source = "Feedback",
            direction = "LowerIsBetter", tolerance = 2, unit = "st", targets = new[] { new { period = 2023, target = 5 } } });
        await Post<IndicatorDto>("/api/indicators", new { goalId = committee.Id, name = "Behöriga till yrkesprogram", source = "Operational", sourceKey = "N15419",
            direction = "HigherIsBetter", tolerance = 2, unit = "%", splitBySex = true, targets = new[] { new { period = 2023, target = 85 } } });
        await Post<IndicatorDto>("/api/indicators", new { goalId = area.Id, name = "Förskolan (NMI-faktor)", source = "Citizen", sourceKey = "NMI.forskola",
            direction = "HigherIsBetter", tolerance = 2, unit = "index", targets = new[] { new { period = 2023, target = 75 } } });

        foreach (var (file, query) in new[] { ("file-values.json", ""), ("kpi.json", "?content=kpis") })
        {
            var upload = await admin.PostAsync("/api/keyfigures/imports/file" + query, new StringContent(FakeKolada.Recorded(file), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var broker = factory.BrokerConnectionString;
        await TestMessages.PublishAsync(broker, Messages.Results(2022, nmi: 52), Guid.NewGuid());
        await TestMessages.PublishAsync(broker, Messages.Results(2023, nmi: 57, ChangeSignificance.SignificantIncrease), Guid.NewGuid());
        var spring = new DateTimeOffset(2023, 4, 1, 8, 0, 0, TimeSpan.Zero);
        var feedback = new[]
        {
            Messages.Feedback("utbildning", "För få lärare på mellanstadiet.", spring),
            Messages.Feedback("utbildning", "Skolmaten har blivit bättre!", spring.AddDays(30)),
            Messages.Feedback("utbildning", "Ring mig på [telefonnummer borttaget] om fritids.", spring.AddDays(60), category: "Fritids"),
            Messages.Feedback("utbildning", "Bussen till skolan är alltid sen.", spring.AddYears(-1)),
            Messages.Feedback("trygghet", "Mörkt i parken på kvällen.", spring),
        };
        foreach (var f in feedback) await TestMessages.PublishAsync(broker, f, Guid.NewGuid());
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.CitizenResults.CountAsync() == 4 && await db.Feedback.CountAsync() == 5, what: "results and feedback");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<T> Post<T>(string url, object body)
    {
        var response = await admin.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options))!;
    }

    async Task<GoalAreaView> ViewAsync(string query = "?year=2023") =>
        (await politician.GetFromJsonAsync<GoalAreaView>($"/api/followup/goal-areas/{area.Id}{query}", TestJson.Options))!;

    [Fact]
    public async Task A_goal_area_shows_citizen_indicators_beside_key_figures_with_peers_and_feedback()
    {
        var view = await ViewAsync();

        Assert.Equal(2023, view.Year);
        Assert.Equal([council.Id, committee.Id], view.Goals.Select(g => g.Goal.Id));

        var nmi = Assert.Single(view.CitizenIndicators, i => i.SourceKey == "NMI");
        Assert.Equal((57.0, 52.0, 58.0, IndicatorStatus.Yellow, Trend.Improved), (nmi.Value!.Value, nmi.PreviousValue!.Value, nmi.Target!.Value, nmi.Status, nmi.Trend));
        Assert.Equal((57 - 1.8, 57 + 1.8, 1650), (nmi.Citizen!.CiLow, nmi.Citizen.CiHigh, nmi.Citizen.N));
        Assert.Equal("Statistiskt säkerställd ökning jämfört med förra året", nmi.Citizen.SignificanceSv);
        Assert.Equal("Statistically significant increase since last year", nmi.Citizen.SignificanceEn);
        var preschool = Assert.Single(view.AreaIndicators);
        Assert.Equal((70.0, IndicatorStatus.Red), (preschool.Value!.Value, preschool.Status));

        var eligible = Assert.Single(view.OperationalIndicators);
        Assert.Equal((85.8, 82.5, IndicatorStatus.Green, Trend.Improved), (eligible.Value!.Value, eligible.PreviousValue!.Value, eligible.Status, eligible.Trend));
        var figure = eligible.KeyFigure!;
        Assert.StartsWith("Elever i åk 9 som är behöriga", figure.Title);
        Assert.Equal((88.1, 83.7), (figure.Women!.Value, figure.Men!.Value));
        Assert.Equal(85.6, figure.Country!.Value);
        Assert.Null(Assert.Single(figure.Peers, p => p.Municipality == "1280").Value);   // missing in Kolada, shown as missing
        var stockholm = Assert.Single(figure.Peers, p => p.Municipality == "0180");
        Assert.Equal((86.4, "Preliminary"), (stockholm.Value!.Value, stockholm.Status));

        var complaints = Assert.Single(view.Goals[0].Indicators, i => i.Source == IndicatorSource.Feedback);
        Assert.Equal((3.0, 1.0, IndicatorStatus.Green, Trend.Worse), (complaints.Value!.Value, complaints.PreviousValue!.Value, complaints.Status, complaints.Trend));
        Assert.Equal((3, 1), (view.Feedback.ThisYear, view.Feedback.LastYear));
        Assert.Equal("Ring mig på [telefonnummer borttaget] om fritids.", view.Feedback.Recent[0].Text);
        Assert.DoesNotContain(view.Feedback.Recent, f => f.Text.Contains("parken"));
        Assert.Equal([new CategoryCount("Skola", 2), new CategoryCount("Fritids", 1)], view.Feedback.ByCategory);

        // The residents' priorities in this area only (tags compared without case), "Prioritera!" first and larger effects first.
        Assert.Equal(["NMI.gymnasieskola", "NMI.forskola", "NMI.grundskola", "NMI.bibliotek"], view.Priorities.Select(p => p.FactorKey));
        Assert.Equal(("Förskola", 70.0, 2.1, PriorityQuadrant.Prioritera), (view.Priorities[1].NameSv, view.Priorities[1].Score, view.Priorities[1].Effect, view.Priorities[1].Quadrant));

        Assert.Equal((Assessment.PartlyMet, "Delvis uppfyllt"), (view.Goals[0].Assessment.Effective, view.Goals[0].Assessment.EffectiveSv));
        Assert.Equal(Assessment.Met, view.Goals[1].Assessment.Proposed);
        Assert.Equal(new StatusCounts(2, 1, 1, 0), view.Indicators);
    }

    [Fact]
    public async Task An_indicator_is_given_year_by_year_for_a_chart()
    {
        var view = await ViewAsync();
        var nmi = Assert.Single(view.CitizenIndicators, i => i.SourceKey == "NMI");
        var eligible = Assert.Single(view.OperationalIndicators);

        var citizen = (await politician.GetFromJsonAsync<IndicatorSeries>($"/api/followup/indicators/{nmi.Id}/series", TestJson.Options))!;
        var figure = (await politician.GetFromJsonAsync<IndicatorSeries>($"/api/followup/indicators/{eligible.Id}/series", TestJson.Options))!;

        Assert.Equal([(2022, 52.0, (double?)null, IndicatorStatus.Grey), (2023, 57.0, 58.0, IndicatorStatus.Yellow)],
            citizen.Points.Select(p => (p.Period, p.Value!.Value, p.Target, p.Status)));
        Assert.Equal(57 - 1.8, citizen.Points[1].CiLow);
        Assert.Equal([(2022, (double?)82.5, (double?)null), (2023, 85.8, 85.6)], figure.Points.Select(p => (p.Period, p.Value, p.Country)));
    }

    [Fact]
    public async Task The_overview_counts_statuses_per_goal_area()
    {
        var overview = (await politician.GetFromJsonAsync<OverviewDto>("/api/followup/overview?year=2023", TestJson.Options))!;

        Assert.Equal(["utbildning", "trygghet"], overview.Areas.Select(a => a.Code).Order().Reverse());
        var education = Assert.Single(overview.Areas, a => a.Code == "utbildning");
        Assert.Equal((2, new StatusCounts(2, 1, 1, 0), new AssessmentCounts(1, 1, 0, 0)), (education.Goals, education.Indicators, education.Assessments));
        Assert.Equal(new StatusCounts(0, 0, 0, 0), Assert.Single(overview.Areas, a => a.Code == "trygghet").Indicators);
        Assert.Contains(2023, overview.Years);
        Assert.Contains(2022, overview.Years);
    }

    [Fact]
    public async Task An_officers_override_is_kept_beside_the_proposal_with_who_and_when()
    {
        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PutAsJsonAsync($"/api/goals/{council.Id}/assessments/2023",
            new { assessment = "NotMet", analysisText = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PutAsJsonAsync($"/api/goals/{council.Id}/assessments/2023",
            new { assessment = "NotMet", analysisText = "" })).StatusCode);

        var response = await analyst.PutAsJsonAsync($"/api/goals/{council.Id}/assessments/2023",
            new { assessment = "NotMet", analysisText = "Nöjdheten ökar men ligger under målet, och förskolan har tappat." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await ViewAsync();
        var assessment = view.Goals[0].Assessment;
        Assert.Equal((Assessment.PartlyMet, Assessment.NotMet, Assessment.NotMet, Assessment.PartlyMet),
            (assessment.Proposed, assessment.Override, assessment.Effective, assessment.ProposalWhenOverridden));
        Assert.Equal("Ej uppfyllt", assessment.EffectiveSv);
        Assert.Equal("test-user", assessment.OverriddenBy);
        Assert.NotNull(assessment.OverriddenAt);
        Assert.NotNull(assessment.ProposedAt);
        Assert.StartsWith("Nöjdheten ökar", assessment.AnalysisText);
        await using var db = factory.Db();
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "goal.assessed");
    }

    [Fact]
    public async Task A_newly_published_year_updates_the_citizen_indicators()
    {
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2024, nmi: 50, ChangeSignificance.SignificantDecrease), Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await ViewAsync("")).Year == 2024, what: "the new year in the view");

        var view = await ViewAsync("");
        var nmi = Assert.Single(view.CitizenIndicators, i => i.SourceKey == "NMI");
        Assert.Equal((50.0, 57.0, Trend.Worse), (nmi.Value!.Value, nmi.PreviousValue!.Value, nmi.Trend));
        Assert.Equal(IndicatorStatus.Grey, nmi.Status);   // no target set for 2024
        Assert.Equal("Statistiskt säkerställd minskning jämfört med förra året", nmi.Citizen!.SignificanceSv);
    }

    [Fact]
    public async Task The_view_is_for_staff_and_checks_its_input()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/followup/goal-areas/{area.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await politician.GetAsync($"/api/followup/goal-areas/{council.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await politician.GetAsync($"/api/followup/goal-areas/{area.Id}?year=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await politician.GetAsync($"/api/followup/overview?year=abc")).StatusCode);
    }
}
