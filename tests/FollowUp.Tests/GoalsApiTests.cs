using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.FollowUp.Model;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Medborgare.FollowUp.Apis.GoalsApi;
using static Medborgare.FollowUp.Apis.IndicatorsApi;

namespace Medborgare.FollowUp.Tests;

public sealed class GoalsApiTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        admin = factory.CreateStaffClient(StaffRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<GoalDto> CreateAsync(object request)
    {
        var response = await admin.PostAsJsonAsync("/api/goals", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GoalDto>(TestJson.Options))!;
    }

    async Task<ValidationProblemDetails> ValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestJson.Options))!;
        Assert.Equal(CodedProblems.ValidationType, problem.Type);
        return problem;
    }

    /// <summary>The codes FollowUp gave a field (the <c>codes</c> extension).</summary>
    static string[] CodesFor(ValidationProblemDetails problem, string field) =>
        ((JsonElement)problem.Extensions[CodedProblems.CodesKey]!).GetProperty(field).EnumerateArray().Select(c => c.GetString()!).ToArray();

    [Fact]
    public async Task The_goal_chain_is_built_read_changed_and_deleted_in_order()
    {
        var vision = await CreateAsync(new { level = "Vision", title = "Ett hållbart Göteborg", responsibleBody = "Kommunfullmäktige" });
        var area = await CreateAsync(new { level = "GoalArea", parentId = vision.Id, code = "utbildning", title = "Utbildning", responsibleBody = "Kommunfullmäktige", sortOrder = 2 });
        var safety = await CreateAsync(new { level = "GoalArea", parentId = vision.Id, code = "trygghet", title = "Trygghet", responsibleBody = "Kommunfullmäktige", sortOrder = 1 });
        var council = await CreateAsync(new { level = "CouncilGoal", parentId = area.Id, title = "Fler elever når målen", text = "Alla elever ska få goda förutsättningar.", responsibleBody = "Kommunfullmäktige" });
        var committee = await CreateAsync(new { level = "CommitteeGoal", parentId = council.Id, title = "Ökad behörighet till gymnasiet", responsibleBody = "Grundskolenämnden" });

        var politician = factory.CreateStaffClient(StaffRoles.Politician);
        var chain = (await politician.GetFromJsonAsync<GoalDto[]>("/api/goals", TestJson.Options))!;
        Assert.Equal([vision.Id, safety.Id, area.Id, council.Id, committee.Id], chain.Select(g => g.Id));
        Assert.Equal("Grundskolenämnden", chain[^1].ResponsibleBody);

        var changed = await admin.PutAsJsonAsync($"/api/goals/{committee.Id}",
            new { parentId = council.Id, title = "Fler behöriga till gymnasiet", text = "Mäts i åk 9.", responsibleBody = "Grundskolenämnden" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Fler behöriga till gymnasiet", (await politician.GetFromJsonAsync<GoalDto>($"/api/goals/{committee.Id}", TestJson.Options))!.Title);

        var blocked = await admin.DeleteAsync($"/api/goals/{council.Id}");
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/goals/{committee.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await politician.GetAsync($"/api/goals/{committee.Id}")).StatusCode);

        await using var db = factory.Db();
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.UserName }).ToListAsync();
        Assert.Equal(7, audit.Count);   // five created, one updated, one deleted
        Assert.All(audit, a => Assert.Equal("test-user", a.UserName));
    }

    [Fact]
    public async Task Bad_goals_are_validation_problems_naming_each_field()
    {
        var vision = await CreateAsync(new { level = "Vision", title = "Vision", responsibleBody = "KF" });
        var area = await CreateAsync(new { level = "GoalArea", parentId = vision.Id, code = "trygghet", title = "Trygghet", responsibleBody = "KF" });

        var empty = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals", new { level = "CouncilGoal" }));
        Assert.Contains("title", empty.Errors.Keys);
        Assert.Contains("responsibleBody", empty.Errors.Keys);
        Assert.Contains("parentId", empty.Errors.Keys);
        Assert.Equal([FollowUpErrorCodes.Required], CodesFor(empty, "title"));
        Assert.Equal([FollowUpErrorCodes.ParentRequired], CodesFor(empty, "parentId"));
        Assert.Equal(["Fältet måste fyllas i."], empty.Errors["title"]);

        var wrongParent = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals",
            new { level = "CommitteeGoal", parentId = area.Id, title = "Nämndmål", responsibleBody = "Nämnd" }));
        Assert.Equal([FollowUpErrorCodes.ParentWrongLevel], CodesFor(wrongParent, "parentId"));

        var visionWithParent = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals",
            new { level = "Vision", parentId = area.Id, title = "Vision 2", responsibleBody = "KF" }));
        Assert.Equal([FollowUpErrorCodes.VisionHasNoParent], CodesFor(visionWithParent, "parentId"));

        var duplicateCode = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals",
            new { level = "GoalArea", parentId = vision.Id, code = "trygghet", title = "Trygghet igen", responsibleBody = "KF" }));
        Assert.Equal([FollowUpErrorCodes.GoalAreaCodeTaken], CodesFor(duplicateCode, "code"));

        var badCode = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals",
            new { level = "GoalArea", parentId = vision.Id, code = "Trygghet <script>", title = "T", responsibleBody = "KF" }));
        Assert.Equal([FollowUpErrorCodes.GoalAreaCodeInvalid], CodesFor(badCode, "code"));

        var tooLong = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/goals",
            new { level = "Vision", title = new string('x', 301), responsibleBody = "KF" }));
        Assert.Equal([FollowUpErrorCodes.TooLong], CodesFor(tooLong, "title"));

        var levelChange = await ValidationProblemAsync(await admin.PutAsJsonAsync($"/api/goals/{area.Id}",
            new { level = "CouncilGoal", parentId = vision.Id, code = "trygghet", title = "T", responsibleBody = "KF" }));
        Assert.Equal([FollowUpErrorCodes.LevelFixed], CodesFor(levelChange, "level"));

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/goals") { Content = JsonContent.Create(new { level = "Vision", responsibleBody = "KF" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await ValidationProblemAsync(await admin.SendAsync(english));
        Assert.Equal(["The field must be filled in."], inEnglish.Errors["title"]);
        Assert.Equal([FollowUpErrorCodes.Required], CodesFor(inEnglish, "title"));

        await using var db = factory.Db();
        Assert.Equal(2, await db.Goals.CountAsync());
    }

    [Theory]
    [InlineData("{\"level\": \"Vision\", \"title\": ")]
    [InlineData("{\"level\": \"Kingdom\", \"title\": \"x\", \"responsibleBody\": \"KF\"}")]
    [InlineData("{\"level\": \"Vision\", \"title\": 12, \"responsibleBody\": \"KF\"}")]
    [InlineData("[]")]
    public async Task Malformed_bodies_are_4xx_problem_details_and_never_500(string body)
    {
        var response = await admin.PostAsync("/api/goals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_endpoint_is_described_in_the_OpenAPI_document()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var operation in new[] { "CreateGoal", "UpdateGoal", "DeleteGoal", "ListGoals", "CreateIndicator", "SetIndicatorTarget",
                     "ImportKeyFigureFile", "StartKeyFigureImport", "GetKeyFigureImport", "OverrideGoalAssessment", "GetFollowUpOverview", "GetGoalAreaView" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
        }
    }

    [Fact]
    public async Task Only_administrators_change_goals_and_only_staff_read_them()
    {
        var request = new { level = "Vision", title = "Vision", responsibleBody = "KF" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/goals", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(StaffRoles.Politician).PostAsJsonAsync("/api/goals", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(StaffRoles.Analyst).PostAsJsonAsync("/api/goals", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient().GetAsync("/api/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateStaffClient(StaffRoles.Politician).GetAsync("/api/goals")).StatusCode);
    }

    [Fact]
    public async Task Indicators_are_validated_and_their_targets_kept_per_year()
    {
        var vision = await CreateAsync(new { level = "Vision", title = "Vision", responsibleBody = "KF" });
        var area = await CreateAsync(new { level = "GoalArea", parentId = vision.Id, code = "omsorg", title = "Omsorg", responsibleBody = "KF" });

        var bad = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/indicators",
            new { goalId = vision.Id, name = "", source = "Citizen", direction = "HigherIsBetter", tolerance = -1 }));
        Assert.Contains("goalId", bad.Errors.Keys);
        Assert.Contains("name", bad.Errors.Keys);
        Assert.Contains("sourceKey", bad.Errors.Keys);
        Assert.Contains("tolerance", bad.Errors.Keys);
        var feedbackWithKey = await ValidationProblemAsync(await admin.PostAsJsonAsync("/api/indicators",
            new { goalId = area.Id, name = "Synpunkter", source = "Feedback", sourceKey = "NMI", direction = "LowerIsBetter" }));
        Assert.Contains("sourceKey", feedbackWithKey.Errors.Keys);

        var created = await admin.PostAsJsonAsync("/api/indicators", new
        {
            goalId = area.Id, name = "Väntetid till särskilt boende", source = "Operational", sourceKey = "N00923", unit = "dagar",
            direction = "LowerIsBetter", tolerance = 5, targets = new[] { new { period = 2023, target = 60 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var indicator = (await created.Content.ReadFromJsonAsync<IndicatorDto>(TestJson.Options))!;
        var withTarget = await admin.PutAsJsonAsync($"/api/indicators/{indicator.Id}/targets/2024", new { target = 55 });
        Assert.Equal(HttpStatusCode.OK, withTarget.StatusCode);
        Assert.Equal([new TargetDto(2023, 60), new TargetDto(2024, 55)], (await withTarget.Content.ReadFromJsonAsync<IndicatorDto>(TestJson.Options))!.Targets);
        await ValidationProblemAsync(await admin.PutAsJsonAsync($"/api/indicators/{indicator.Id}/targets/20240", new { target = 55 }));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/indicators/{indicator.Id}/values/2023", new { value = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(StaffRoles.Politician)
            .PutAsJsonAsync($"/api/indicators/{indicator.Id}/targets/2025", new { target = 50 })).StatusCode);
    }
}
