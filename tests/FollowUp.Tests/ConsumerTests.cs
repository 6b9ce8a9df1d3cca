using Medborgare.Contracts;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Tests;

/// <summary>SurveyResultsPublished and CitizenFeedbackReceived over real RabbitMQ, delivered twice with the same MessageId.</summary>
public sealed class ConsumerTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    async Task<double?> NmiAsync(int year)
    {
        await using var db = factory.Db();
        return (await db.CitizenResults.SingleOrDefaultAsync(r => r.Year == year && r.Key == "NMI"))?.Value;
    }

    [Fact]
    public async Task A_redelivered_result_message_has_no_second_effect()
    {
        var first = Messages.Results(2024, nmi: 55);
        var firstId = Guid.NewGuid();
        await TestMessages.PublishAsync(factory.BrokerConnectionString, first, firstId);
        await Eventually.TrueAsync(async () => await NmiAsync(2024) == 55, what: "the first results");

        // The analyst corrects and republishes the year: it replaces the first.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2024, nmi: 57), Guid.NewGuid());
        await Eventually.TrueAsync(async () => await NmiAsync(2024) == 57, what: "the republished results");

        // A late redelivery of the first message must not bring the old values back.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, first, firstId);
        await Task.Delay(1500);

        Assert.Equal(57, await NmiAsync(2024));
        await using var db = factory.Db();
        Assert.Equal(2, await db.CitizenResults.CountAsync(r => r.Year == 2024));
        Assert.Equal(5, await db.CitizenPriorities.CountAsync(p => p.Year == 2024));
        Assert.Equal(2, await db.InboxMessages.CountAsync(m => m.Consumer == "SurveyResultsPublishedConsumer"));
    }

    [Fact]
    public async Task An_older_publication_of_a_year_that_arrives_last_does_not_replace_the_newer()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2031, nmi: 58) with { PublishedAt = at.AddMinutes(1) }, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await NmiAsync(2031) == 58, what: "the newer publication");

        // The analyst's first publication, overtaken on the broker by a republication a minute later.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2031, nmi: 55) with { PublishedAt = at }, Guid.NewGuid());
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.InboxMessages.CountAsync(m => m.Consumer == "SurveyResultsPublishedConsumer") >= 2,
            what: "both publications handled");
        Assert.Equal(58, await NmiAsync(2031));
    }

    [Fact]
    public async Task A_new_year_is_stored_beside_the_last_and_keeps_its_significance()
    {
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2024, nmi: 55), Guid.NewGuid());
        await TestMessages.PublishAsync(factory.BrokerConnectionString, Messages.Results(2025, nmi: 61, ChangeSignificance.SignificantIncrease), Guid.NewGuid());

        await Eventually.TrueAsync(async () => await NmiAsync(2024) is not null && await NmiAsync(2025) is not null, what: "both years");
        await using var db = factory.Db();
        var latest = await db.CitizenResults.SingleAsync(r => r.Year == 2025 && r.Key == "NMI");
        Assert.Equal((61.0, 61 - 1.8, 61 + 1.8, 1650, ChangeSignificance.SignificantIncrease), (latest.Value, latest.CiLow, latest.CiHigh, latest.N, latest.ChangeVsLastYear));
        Assert.Equal(["utbildning"], (await db.CitizenResults.SingleAsync(r => r.Year == 2025 && r.Key == "NMI.forskola")).GoalAreaTags);
    }

    [Fact]
    public async Task Feedback_delivered_twice_is_stored_once()
    {
        var feedback = Messages.Feedback("utbildning", "Skolgården behöver fler lekredskap. Ring [telefonnummer borttaget].", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await TestMessages.PublishAsync(factory.BrokerConnectionString, feedback, messageId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, feedback, messageId);
        await using var db = factory.Db();
        await Eventually.TrueAsync(async () => await db.Feedback.AnyAsync(), what: "the feedback");
        await Task.Delay(1500);

        var stored = await db.Feedback.SingleAsync();
        Assert.Equal((feedback.FeedbackId, "utbildning", "Centrum", feedback.MaskedText), (stored.Id, stored.GoalArea, stored.District, stored.MaskedText));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Consumer == "CitizenFeedbackReceivedConsumer"));
    }
}
