using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Medborgare.FollowUp.Apis.GoalsApi;
using static Medborgare.FollowUp.Apis.IndicatorsApi;

namespace Medborgare.FollowUp.Tests;

/// <summary>
/// Synpunkter as cases in the goal follow-up: CitizenFeedbackAnswered over real RabbitMQ, and the feedback indicators
/// answered-in-time, median-response-days and theme:&lt;category&gt; against a small case worked by hand.
/// </summary>
public sealed class FeedbackCaseTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    HttpClient admin = null!, politician = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        admin = factory.CreateStaffClient(StaffRoles.Admin);
        politician = factory.CreateStaffClient(StaffRoles.Politician);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<T> Post<T>(string url, object body)
    {
        var response = await admin.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(TestJson.Options))!;
    }

    async Task<GoalDto> AreaAsync(string code = "livsmiljo")
    {
        var vision = await Post<GoalDto>("/api/goals", new { level = "Vision", title = "Älvsala 2035", responsibleBody = "Kommunfullmäktige" });
        return await Post<GoalDto>("/api/goals", new { level = "GoalArea", parentId = vision.Id, code, title = "Livsmiljö", responsibleBody = "Tekniska nämnden" });
    }

    [Fact]
    public async Task An_answer_delivered_twice_is_stored_once_and_may_come_before_the_feedback()
    {
        var at = new DateTimeOffset(2025, 5, 12, 10, 0, 0, TimeSpan.Zero);
        var answered = Messages.Answered("livsmiljo", at, workingDays: 8, inTime: true);
        var messageId = Guid.NewGuid();

        await TestMessages.PublishAsync(factory.BrokerConnectionString, answered, messageId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, answered, messageId);
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.FeedbackOutcomes.AnyAsync(), what: "the outcome");
        // The feedback itself arrives after its answer.
        var received = Messages.Feedback("livsmiljo", "Gatlyktan är trasig.", answered.ReceivedAt, category: "klagomål") with { FeedbackId = answered.FeedbackId };
        await TestMessages.PublishAsync(factory.BrokerConnectionString, received, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await db.Feedback.AnyAsync(), what: "the feedback");
        await Task.Delay(1000);

        var outcome = await db.FeedbackOutcomes.SingleAsync();
        Assert.Equal((answered.FeedbackId, "livsmiljo", "klagomål", "Tekniska nämnden", answered.ReceivedAt, at, answered.DueDate, 8, true),
            (outcome.FeedbackId, outcome.GoalArea, outcome.Category, outcome.Committee, outcome.ReceivedAt, outcome.AnsweredAt, outcome.DueDate, outcome.WorkingDays, outcome.InTime));
        Assert.Equal(answered.FeedbackId, (await db.Feedback.SingleAsync()).Id);
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Consumer == "CitizenFeedbackAnsweredConsumer"));
    }

    [Fact]
    public async Task A_later_answer_replaces_the_earlier_and_an_earlier_one_arriving_last_does_not()
    {
        var at = new DateTimeOffset(2025, 5, 12, 10, 0, 0, TimeSpan.Zero);
        var first = Messages.Answered("livsmiljo", at, workingDays: 8, inTime: true);
        var again = first with { AnsweredAt = at.AddDays(20), WorkingDays = 22, InTime = false, Committee = "Stadsbyggnadsnämnden" };

        await TestMessages.PublishAsync(factory.BrokerConnectionString, again, Guid.NewGuid());
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.FeedbackOutcomes.AnyAsync(), what: "the re-answer");
        await TestMessages.PublishAsync(factory.BrokerConnectionString, first, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await db.InboxMessages.CountAsync(m => m.Consumer == "CitizenFeedbackAnsweredConsumer") == 2, what: "both answers handled");

        var outcome = await db.FeedbackOutcomes.SingleAsync();
        Assert.Equal((again.AnsweredAt, 22, false, "Stadsbyggnadsnämnden"), (outcome.AnsweredAt, outcome.WorkingDays, outcome.InTime, outcome.Committee));

        var third = again with { AnsweredAt = at.AddDays(30), WorkingDays = 28 };
        await TestMessages.PublishAsync(factory.BrokerConnectionString, third, Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await db.FeedbackOutcomes.AsNoTracking().SingleAsync()).WorkingDays == 28, what: "the latest answer");
    }

    [Fact]
    public async Task The_share_in_time_the_median_and_a_theme_are_indicators_with_targets_and_status()
    {
        var area = await AreaAsync();
        var inTime = await Post<IndicatorDto>("/api/indicators", new { goalId = area.Id, name = "Besvarade i tid", source = "Feedback", sourceKey = "answered-in-time",
            direction = "HigherIsBetter", tolerance = 5, unit = "%", targets = new[] { new { period = 2024, target = 90.0 }, new { period = 2025, target = 90.0 } } });
        var median = await Post<IndicatorDto>("/api/indicators", new { goalId = area.Id, name = "Svarstid (median)", source = "Feedback", sourceKey = "median-response-days",
            direction = "LowerIsBetter", tolerance = 2, unit = "arbetsdagar", targets = new[] { new { period = 2025, target = 10.0 } } });
        var complaints = await Post<IndicatorDto>("/api/indicators", new { goalId = area.Id, name = "Klagomål", source = "Feedback", sourceKey = "Theme:Klagomål",
            direction = "LowerIsBetter", tolerance = 1, unit = "st", targets = new[] { new { period = 2025, target = 1.0 } } });
        Assert.Equal("theme:klagomål", complaints.SourceKey);

        // Five cases answered in 2025 (Swedish time) after 3, 8, 10, 12 and 15 working days, the last two late: 60 %, median 10.
        // One answered at 00:30 on New Year's Day in Stockholm counts for 2026; one in another area does not count here.
        var spring = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var answers = new[]
        {
            Messages.Answered("livsmiljo", spring, 3, inTime: true),
            Messages.Answered("livsmiljo", spring.AddDays(7), 8, inTime: true),
            Messages.Answered("livsmiljo", spring.AddDays(40), 10, inTime: true),
            Messages.Answered("livsmiljo", spring.AddDays(90), 12, inTime: false),
            Messages.Answered("LIVSMILJO", new DateTimeOffset(2025, 12, 31, 22, 30, 0, TimeSpan.Zero), 15, inTime: false),
            Messages.Answered("livsmiljo", new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero), 30, inTime: false),
            Messages.Answered("omsorg", spring, 40, inTime: false),
        };
        var feedback = new[]
        {
            Messages.Feedback("livsmiljo", "Trasig gatlykta.", spring, category: "klagomål"),
            Messages.Feedback("livsmiljo", "Hål i vägen.", spring.AddDays(3), category: "Klagomål"),
            Messages.Feedback("livsmiljo", "Fin park!", spring.AddDays(4), category: "beröm"),
            Messages.Feedback("livsmiljo", "Skräp i centrum.", spring.AddYears(-1), category: "klagomål"),
        };
        await TestMessages.PublishAllAsync(factory.BrokerConnectionString, answers.Select(a => (a, Guid.NewGuid())).ToArray());
        await TestMessages.PublishAllAsync(factory.BrokerConnectionString, feedback.Select(f => (f, Guid.NewGuid())).ToArray());
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.FeedbackOutcomes.CountAsync() == 7 && await db.Feedback.CountAsync() == 4, what: "answers and feedback");

        var view = (await politician.GetFromJsonAsync<GoalAreaView>($"/api/followup/goal-areas/{area.Id}?year=2025", TestJson.Options))!;
        var share = Assert.Single(view.AreaIndicators, i => i.Id == inTime.Id);
        Assert.Equal((60.0, 90.0, IndicatorStatus.Red), (share.Value, share.Target, share.Status));
        Assert.Null(share.PreviousValue);   // nothing was answered in 2024
        var days = Assert.Single(view.AreaIndicators, i => i.Id == median.Id);
        Assert.Equal((10.0, 10.0, IndicatorStatus.Green), (days.Value, days.Target, days.Status));
        var theme = Assert.Single(view.AreaIndicators, i => i.Id == complaints.Id);
        Assert.Equal((2.0, 1.0, 1.0, IndicatorStatus.Yellow, Trend.Worse), (theme.Value, theme.PreviousValue, theme.Target, theme.Status, theme.Trend));

        // A year without answered cases has no value (grey), not 0; the theme count is 0 there.
        var before = (await politician.GetFromJsonAsync<GoalAreaView>($"/api/followup/goal-areas/{area.Id}?year=2023", TestJson.Options))!;
        (double?, IndicatorStatus) Before(Guid id) => Assert.Single(before.AreaIndicators, i => i.Id == id) is var i ? (i.Value, i.Status) : default;
        Assert.Equal([(null, IndicatorStatus.Grey), (null, IndicatorStatus.Grey), (0.0, IndicatorStatus.Grey)],
            new[] { Before(inTime.Id), Before(median.Id), Before(complaints.Id) });

        var next = (await politician.GetFromJsonAsync<GoalAreaView>($"/api/followup/goal-areas/{area.Id}?year=2026", TestJson.Options))!;
        Assert.Equal(30.0, Assert.Single(next.AreaIndicators, i => i.Id == median.Id).Value);
    }

    [Theory]
    [InlineData("answered-in-tme")]
    [InlineData("theme:klagomal")]
    [InlineData("theme:")]
    [InlineData("NMI")]
    public async Task A_mistyped_feedback_key_is_a_coded_400(string key)
    {
        var area = await AreaAsync();
        var response = await admin.PostAsJsonAsync("/api/indicators", new { goalId = area.Id, name = "Fel", source = "Feedback", sourceKey = key, direction = "HigherIsBetter" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(TestJson.Options))!;
        var codes = ((JsonElement)problem.Extensions[CodedProblems.CodesKey]!).GetProperty("sourceKey").EnumerateArray().Select(c => c.GetString());
        Assert.Equal([FollowUpErrorCodes.FeedbackKeyUnknown], codes);
        Assert.Contains("answered-in-time", problem.Errors["sourceKey"][0]);
    }
}
