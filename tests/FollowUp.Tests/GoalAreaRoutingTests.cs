using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Routing;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Medborgare.FollowUp.Apis.GoalsApi;

namespace Medborgare.FollowUp.Tests;

/// <summary>FollowUp is Collection's routing source: a goal area's responsible committee goes out as GoalAreaResponsibilityChanged.</summary>
public sealed class GoalAreaRoutingTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    static readonly string MessageType = typeof(GoalAreaResponsibilityChanged).FullName!;
    HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        admin = factory.CreateStaffClient(StaffRoles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<GoalDto> SendAsync(HttpMethod method, string url, object body)
    {
        var response = await admin.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<GoalDto>(TestJson.Options))!;
    }

    async Task<GoalAreaResponsibilityChanged[]> OutboxAsync()
    {
        await using var db = factory.Db();
        var rows = await db.OutboxMessages.Where(m => m.MessageType == MessageType).OrderBy(m => m.Sequence).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<GoalAreaResponsibilityChanged>(r.Body, TestJson.Options)!).ToArray();
    }

    [Fact]
    public async Task Creating_a_goal_area_and_changing_its_committee_or_title_announces_it_and_nothing_else_does()
    {
        await using var listener = await TestBus<GoalAreaResponsibilityChanged>.StartAsync(factory.BrokerConnectionString, "routing-test-listener");
        var vision = await SendAsync(HttpMethod.Post, "/api/goals", new { level = "Vision", title = "Älvsala 2035", responsibleBody = "Kommunfullmäktige" });
        var area = await SendAsync(HttpMethod.Post, "/api/goals", new { level = "GoalArea", parentId = vision.Id, code = "livsmiljo", title = "Livsmiljö", responsibleBody = "Tekniska nämnden" });
        var council = await SendAsync(HttpMethod.Post, "/api/goals", new { level = "CouncilGoal", parentId = area.Id, title = "Tryggt att bo", responsibleBody = "Kommunstyrelsen" });

        await Eventually.TrueAsync(() => Task.FromResult(!listener.Received.IsEmpty), what: "the announcement on the bus");
        var first = Assert.Single(listener.Received).Message;
        Assert.Equal((FollowUpApp.Municipality, "livsmiljo", "Livsmiljö", "Tekniska nämnden", area.UpdatedAt),
            (first.MunicipalityCode, first.GoalAreaCode, first.GoalAreaTitle, first.Committee, first.ChangedAt));

        // The text, the order and the goals below do not route anything.
        await SendAsync(HttpMethod.Put, $"/api/goals/{area.Id}", new { parentId = vision.Id, code = "livsmiljo", title = "Livsmiljö", text = "Ny text", responsibleBody = "Tekniska nämnden", sortOrder = 3 });
        await SendAsync(HttpMethod.Put, $"/api/goals/{council.Id}", new { parentId = area.Id, title = "Tryggt att bo", responsibleBody = "Socialnämnden" });
        Assert.Single(await OutboxAsync());

        var moved = await SendAsync(HttpMethod.Put, $"/api/goals/{area.Id}", new { parentId = vision.Id, code = "livsmiljo", title = "Livsmiljö", responsibleBody = "Stadsbyggnadsnämnden" });
        var renamed = await SendAsync(HttpMethod.Put, $"/api/goals/{area.Id}", new { parentId = vision.Id, code = "miljo", title = "Miljö", responsibleBody = "Stadsbyggnadsnämnden" });

        var sent = await OutboxAsync();
        Assert.Equal([("livsmiljo", "Livsmiljö", "Tekniska nämnden"), ("livsmiljo", "Livsmiljö", "Stadsbyggnadsnämnden"), ("miljo", "Miljö", "Stadsbyggnadsnämnden")],
            sent.Select(m => (m.GoalAreaCode, m.GoalAreaTitle, m.Committee)));
        Assert.Equal([moved.UpdatedAt, renamed.UpdatedAt], sent[1..].Select(m => m.ChangedAt));
        await Eventually.TrueAsync(() => Task.FromResult(listener.Received.Count == 3), what: "all three announcements on the bus");
    }

    [Fact]
    public async Task Goal_areas_from_before_the_announcements_are_announced_once_by_the_sweep()
    {
        var changedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await using (var db = factory.Db())
        {
            Goal Area(string code, string body) => new()
            {
                Id = Guid.CreateVersion7(), MunicipalityCode = FollowUpApp.Municipality, Level = GoalLevel.GoalArea, Code = code,
                Title = $"Område {code}", ResponsibleBody = body, CreatedAt = changedAt, UpdatedAt = changedAt,
            };
            db.Goals.AddRange(Area("omsorg", "Socialnämnden"), Area("utan-namnd", ""));
            await db.SaveChangesAsync();
        }
        var sweep = factory.Services.GetRequiredService<GoalAreaResponsibilitySweep>();

        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal(("omsorg", "Område omsorg", "Socialnämnden", changedAt), (sent.GoalAreaCode, sent.GoalAreaTitle, sent.Committee, sent.ChangedAt));
        await using var check = factory.Db();
        Assert.Equal("omsorg\nOmråde omsorg\nSocialnämnden", (await check.Goals.SingleAsync(g => g.Code == "omsorg")).PublishedResponsibility);
        Assert.Null((await check.Goals.SingleAsync(g => g.Code == "utan-namnd")).PublishedResponsibility);
    }
}
