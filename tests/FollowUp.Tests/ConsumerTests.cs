using Medborgare.Contracts;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Tests;

/// <summary>SurveyResultsPublished and CitizenFeedbackReceived over real RabbitMQ, delivered twice with the same MessageId.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    FollowUpFactory factory = null!;

    public async Task InitializeAsync() => factory = await FollowUpFactory.StartAsync();
    public async Task DisposeAsync() => await factory.DisposeAsync();

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
