using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Tests;

/// <summary>Uppdrag, action plans and återrapportering: who may write what, the lifecycle into the period report, validation.</summary>
public sealed class AssignmentsTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    const string School = "Grundskolenämnden", Streets = "Trafiknämnden";
    HttpClient admin = null!, politician = null!, analyst = null!, schoolOfficer = null!, streetsOfficer = null!;
    GoalDto area = null!, council = null!, committee = null!;
    IndicatorDto nmi = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        admin = factory.CreateStaffClient(StaffRoles.Admin);
        politician = factory.CreateStaffClientFor("Politiker Pia", [StaffRoles.Politician]);
        analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        schoolOfficer = factory.CreateStaffClientFor("Tjänsteperson Tove", [StaffRoles.Officer], School);
        streetsOfficer = factory.CreateStaffClientFor("Tjänsteperson Sam", [StaffRoles.Officer], Streets);

        var vision = await Post<GoalDto>(admin, "/api/goals", new { level = "Vision", title = "Vision", responsibleBody = "Kommunfullmäktige" });
        area = await Post<GoalDto>(admin, "/api/goals", new { level = "GoalArea", parentId = vision.Id, code = "utbildning", title = "Utbildning", responsibleBody = "Kommunfullmäktige" });
        council = await Post<GoalDto>(admin, "/api/goals", new { level = "CouncilGoal", parentId = area.Id, title = "Invånarna är nöjda med skolan", responsibleBody = "Kommunfullmäktige" });
        committee = await Post<GoalDto>(admin, "/api/goals", new { level = "CommitteeGoal", parentId = council.Id, title = "Fler behöriga till gymnasiet", responsibleBody = School });
        nmi = await Post<IndicatorDto>(admin, "/api/indicators", new { goalId = council.Id, name = "Nöjd-Medborgar-Index", source = "Citizen", sourceKey = "NMI",
            direction = "HigherIsBetter", tolerance = 3, unit = "index", targets = new[] { new { period = 2023, target = 58 } } });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static async Task<T> Post<T>(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options))!;
    }

    static async Task<T> Read<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options))!;
    }

    static async Task<string[]> CodesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestJson.Options))!;
        Assert.Equal(CodedProblems.ValidationType, problem.Type);
        return ((JsonElement)problem.Extensions[CodedProblems.CodesKey]!).GetProperty(field).EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestJson.Options))!;
        Assert.Equal(CodedProblems.Urn(FollowUpErrorCodes.NotYourCommittee), problem.Type);
    }

    object Uppdrag(string committeeName = School, object? prompt = null) => new
    {
        goalId = council.Id, title = "Öka nöjdheten med förskolan", text = "Ta fram en plan för bättre förskola.", givenBy = "KF",
        responsibleCommittee = committeeName, deadline = "2027-06-30", prompt,
    };

    static object Activity(string title, string start, string end, string status = "InProgress", Guid[]? indicatorIds = null) =>
        new { title, owner = "Förskolechef", start, end, status, indicatorIds = indicatorIds ?? [] };

    [Fact]
    public async Task An_uppdrag_is_given_planned_and_reported_and_the_period_report_shows_the_published_figures()
    {
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2023, nmi: 57, ChangeSignificance.SignificantIncrease), Guid.NewGuid());
        await using (var db = factory.Db()) await Eventually.TrueAsync(async () => await db.CitizenResults.AnyAsync(r => r.Year == 2023), what: "results");

        var prompt = new AssignmentPrompt(2023, null, "NMI", "NMI.forskola", "Förskola", 70, 2.1);
        var given = await Post<AssignmentDto>(politician, "/api/assignments", Uppdrag(prompt: prompt));
        Assert.Equal((WorkStatus.NotStarted, Lateness.None, area.Id, "Politiker Pia"), (given.Status, given.Lateness, given.GoalAreaId, given.CreatedBy));
        Assert.Equal(prompt, given.Prompt);

        var late = await Post<ActivityDto>(schoolOfficer, $"/api/assignments/{given.Id}/activities",
            Activity("Kartlägg barngruppernas storlek", "2025-01-15", "2025-06-30", indicatorIds: [nmi.Id]));
        Assert.Equal(Lateness.PastEnd, late.Lateness);
        await Post<ActivityDto>(schoolOfficer, $"/api/assignments/{given.Id}/activities", Activity("Rekrytera förskollärare", "2026-01-01", "2030-12-31"));

        var plan = await Read<ActionPlanDto>(await analyst.GetAsync($"/api/assignments/{given.Id}/plan"));
        Assert.Equal((School, 2), (plan.ResponsibleCommittee, plan.Activities.Length));
        Assert.Equal("Kartlägg barngruppernas storlek", plan.Activities[0].Title);

        var written = await Read<AssignmentReportDto>(await schoolOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/2023/Interim",
            new AssignmentReportRequest("Kartläggningen är klar.", WorkStatus.InProgress)));
        Assert.Equal(("Tjänsteperson Tove", WorkStatus.InProgress), (written.WrittenBy, written.Status));
        var movement = Assert.Single(written.Indicators);
        Assert.Equal((nmi.Id, 57.0, 58.0, IndicatorStatus.Yellow, Trend.Improved), (movement.IndicatorId, movement.Value, movement.Target, movement.Status, movement.Trend));

        var view = await Read<AssignmentView>(await politician.GetAsync($"/api/assignments/{given.Id}"));
        Assert.Equal((WorkStatus.InProgress, 2, 1), (view.Assignment.Status, view.Activities.Length, view.Reports.Length));
        Assert.Equal(prompt, view.Assignment.Prompt);
        var read = await Read<AssignmentReportDto>(await politician.GetAsync($"/api/assignments/{given.Id}/reports/2023/interim"));
        Assert.Equal(("Kartläggningen är klar.", 57.0), (read.Done, Assert.Single(read.Indicators).Value));

        // The figures are drawn in when the report is read: a republication of the year shows in the stored report.
        await TestMessages.PublishAsync(factory.BrokerConnectionString,
            Messages.Results(2023, nmi: 60, ChangeSignificance.SignificantIncrease) with { PublishedAt = DateTimeOffset.UtcNow }, Guid.NewGuid());
        await using (var db = factory.Db()) await Eventually.TrueAsync(async () => await db.CitizenResults.AnyAsync(r => r.Year == 2023 && r.Key == "NMI" && r.Value == 60),
            what: "the republished results");
        read = await Read<AssignmentReportDto>(await politician.GetAsync($"/api/assignments/{given.Id}/reports/2023/Interim"));
        Assert.Equal((60.0, IndicatorStatus.Green), (Assert.Single(read.Indicators).Value, read.Indicators[0].Status));
        Assert.Equal(HttpStatusCode.NotFound, (await politician.GetAsync($"/api/assignments/{given.Id}/reports/2023/Annual")).StatusCode);

        var report = await Read<PeriodReportDto>(await politician.GetAsync($"/api/followup/period-report/2023/Interim?area={area.Id}"));
        var part = Assert.Single(report.Areas);
        Assert.Equal((2023, ReportPeriod.Interim, area.Id), (part.Area.Year, report.Period, part.Area.Area.Id));
        var reported = Assert.Single(part.Assignments);
        var reportedMovement = Assert.Single(Assert.Single(reported.Reports).Indicators);
        Assert.Equal((60.0, IndicatorStatus.Green), (reportedMovement.Value, reportedMovement.Status));
        Assert.Empty(Assert.Single((await Read<PeriodReportDto>(await politician.GetAsync("/api/followup/period-report/2023/Annual"))).Areas).Assignments[0].Reports);

        var listed = await Read<AssignmentDto[]>(await analyst.GetAsync($"/api/assignments?goalAreaId={area.Id}&committee={School}&status=InProgress"));
        Assert.Equal([given.Id], listed.Select(a => a.Id));
        Assert.Empty(await Read<AssignmentDto[]>(await analyst.GetAsync("/api/assignments?status=Done")));

        await using var check = factory.Db();
        Assert.Equal(["activity.created", "activity.created", "assignment.created", "assignment.reported"],
            (await check.AuditEntries.Select(a => a.Action).ToListAsync()).Where(a => a.StartsWith("a")).Order());
    }

    [Fact]
    public async Task Politicians_give_uppdrag_and_only_officers_of_the_responsible_committee_plan_and_report()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/assignments", Uppdrag())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolOfficer.PostAsJsonAsync("/api/assignments", Uppdrag())).StatusCode);
        var given = await Post<AssignmentDto>(politician, "/api/assignments", Uppdrag());
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/assignments/{given.Id}")).StatusCode);

        var activity = Activity("Ny aktivitet", "2026-01-01", "2026-12-31");
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PostAsJsonAsync($"/api/assignments/{given.Id}/activities", activity)).StatusCode);
        await AssertForbiddenAsync(await streetsOfficer.PostAsJsonAsync($"/api/assignments/{given.Id}/activities", activity));
        await AssertForbiddenAsync(await streetsOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/2026/Interim",
            new AssignmentReportRequest("Inget.", WorkStatus.InProgress)));
        await AssertForbiddenAsync(await streetsOfficer.PostAsJsonAsync($"/api/goals/{committee.Id}/activities", activity));

        var own = await Post<ActivityDto>(schoolOfficer, $"/api/assignments/{given.Id}/activities", activity);
        await AssertForbiddenAsync(await streetsOfficer.PutAsJsonAsync($"/api/activities/{own.Id}", activity));
        await AssertForbiddenAsync(await streetsOfficer.DeleteAsync($"/api/activities/{own.Id}"));
        var changed = await Read<ActivityDto>(await schoolOfficer.PutAsJsonAsync($"/api/activities/{own.Id}", Activity("Ändrad", "2026-01-01", "2026-12-31", "Done")));
        Assert.Equal(("Ändrad", WorkStatus.Done), (changed.Title, changed.Status));

        var goalActivity = await Post<ActivityDto>(schoolOfficer, $"/api/goals/{committee.Id}/activities", activity);
        var goalPlan = await Read<ActionPlanDto>(await politician.GetAsync($"/api/goals/{committee.Id}/plan"));
        Assert.Equal((School, goalActivity.Id), (goalPlan.ResponsibleCommittee, Assert.Single(goalPlan.Activities).Id));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/activities/{goalActivity.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await schoolOfficer.DeleteAsync($"/api/activities/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await schoolOfficer.DeleteAsync($"/api/activities/{own.Id}")).StatusCode);

        // The uppdrag stays the politicians' record: its goal cannot be deleted from under it.
        var indicators = await Read<IndicatorDto[]>(await admin.GetAsync($"/api/indicators?goalId={council.Id}"));
        foreach (var indicator in indicators) Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/indicators/{indicator.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/goals/{committee.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/goals/{council.Id}")).StatusCode);
    }

    [Fact]
    public async Task Mistakes_are_refused_with_codes_and_unknown_ids_with_404()
    {
        Assert.Equal([FollowUpErrorCodes.GoalRequired], await CodesAsync(await politician.PostAsJsonAsync("/api/assignments", new { title = "x" }), "goalId"));
        var bad = await politician.PostAsJsonAsync("/api/assignments", new { goalId = Guid.NewGuid(), title = new string('x', 301), givenBy = "KF", responsibleCommittee = School });
        Assert.Equal([FollowUpErrorCodes.GoalUnknown], await CodesAsync(bad, "goalId"));
        bad = await politician.PostAsJsonAsync("/api/assignments", new { goalId = Guid.NewGuid(), title = new string('x', 301), givenBy = "KF", responsibleCommittee = School });
        Assert.Equal([FollowUpErrorCodes.TooLong], await CodesAsync(bad, "title"));
        bad = await politician.PostAsJsonAsync("/api/assignments", new { goalId = council.Id, title = "x", givenBy = "KF", responsibleCommittee = School });
        Assert.Equal([FollowUpErrorCodes.DeadlineRequired], await CodesAsync(bad, "deadline"));
        bad = await politician.PostAsJsonAsync("/api/assignments", new { goalId = council.Id, title = "x", givenBy = "KF", responsibleCommittee = School, deadline = "9999-01-01" });
        Assert.Equal([FollowUpErrorCodes.DateOutOfRange], await CodesAsync(bad, "deadline"));
        Assert.Equal(HttpStatusCode.BadRequest, (await politician.PostAsJsonAsync("/api/assignments", new { goalId = council.Id, deadline = "not a date" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await politician.PostAsJsonAsync("/api/assignments", new { goalId = council.Id, status = "Sleeping" })).StatusCode);
        Assert.Equal([FollowUpErrorCodes.StatusUnknown], await CodesAsync(await analyst.GetAsync("/api/assignments?status=Sleeping"), "status"));
        foreach (var status in new[] { "-", "2", "-1" })
            Assert.Equal([FollowUpErrorCodes.StatusUnknown], await CodesAsync(await analyst.GetAsync($"/api/assignments?status={status}"), "status"));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/assignments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await politician.PutAsJsonAsync($"/api/assignments/{Guid.NewGuid()}", Uppdrag())).StatusCode);

        var given = await Post<AssignmentDto>(politician, "/api/assignments", Uppdrag());
        var url = $"/api/assignments/{given.Id}/activities";
        Assert.Equal([FollowUpErrorCodes.EndBeforeStart], await CodesAsync(await schoolOfficer.PostAsJsonAsync(url, Activity("A", "2026-05-01", "2026-04-30")), "end"));
        Assert.Equal([FollowUpErrorCodes.DateRequired], await CodesAsync(await schoolOfficer.PostAsJsonAsync(url, new { title = "A", owner = "B", end = "2026-04-30" }), "start"));
        Assert.Equal([FollowUpErrorCodes.IndicatorUnknown], await CodesAsync(await schoolOfficer.PostAsJsonAsync(url,
            Activity("A", "2026-01-01", "2026-04-30", indicatorIds: [nmi.Id, Guid.NewGuid()])), "indicatorIds"));
        Assert.Equal(HttpStatusCode.NotFound, (await schoolOfficer.PostAsJsonAsync($"/api/assignments/{Guid.NewGuid()}/activities", Activity("A", "2026-01-01", "2026-04-30"))).StatusCode);
        Assert.Equal([FollowUpErrorCodes.GoalNotCommitteeGoal], await CodesAsync(await admin.PostAsJsonAsync($"/api/goals/{council.Id}/activities",
            Activity("A", "2026-01-01", "2026-04-30")), "goalId"));

        var report = new AssignmentReportRequest("Klart.", WorkStatus.Done);
        Assert.Equal([FollowUpErrorCodes.ReportPeriodUnknown], await CodesAsync(await schoolOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/2026/Quarterly", report), "period"));
        Assert.Equal([FollowUpErrorCodes.ReportPeriodUnknown], await CodesAsync(await schoolOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/2026/1", report), "period"));
        Assert.Equal([FollowUpErrorCodes.PeriodOutOfRange], await CodesAsync(await schoolOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/3000/Annual", report), "year"));
        Assert.Equal([FollowUpErrorCodes.Required], await CodesAsync(await schoolOfficer.PutAsJsonAsync($"/api/assignments/{given.Id}/reports/2026/Annual",
            new AssignmentReportRequest(null, null)), "done"));
        Assert.Equal([FollowUpErrorCodes.PeriodOutOfRange], await CodesAsync(await analyst.GetAsync("/api/followup/period-report/1800/Annual"), "year"));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/followup/period-report/2026/Annual?area={Guid.NewGuid()}")).StatusCode);
    }
}
