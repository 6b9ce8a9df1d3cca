using System.Net;
using System.Net.Http.Json;
using Medborgare.AppHost.Hosting;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Medborgare.Distribution.Apis.SurveysApi;

namespace Medborgare.Distribution.Tests;

/// <summary>The transactional outbox against a broker of the test's own, which the test stops and starts.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    RabbitMqServer broker = null!;

    public async Task InitializeAsync() => broker = await TestServers.StartPrivateBrokerAsync();

    public async Task DisposeAsync() => await broker.StopAsync();

    [Fact]
    public async Task A_survey_published_while_the_broker_is_down_is_delivered_once_when_it_is_back()
    {
        // Arrange: a listener queue exists (durable), then the broker goes away.
        await (await TestBus<SurveyPublished>.StartAsync(broker.ConnectionString, "outbox-test-listener")).DisposeAsync();
        await using var factory = await DistributionFactory.StartAsync(broker.ConnectionString);
        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        var survey = await (await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2026, "Titel", null)))
            .Content.ReadFromJsonAsync<SurveyDto>();
        broker.Kill();

        // Act: publishing succeeds for the analyst; the event waits in the outbox.
        var response = await analyst.PostAsync($"/api/surveys/{survey!.Id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await Eventually.GetAsync(async () => await OutboxRowAsync(factory) is { Attempts: > 0 } r ? r : null,
            what: "a failed attempt to send the outbox row while the broker is down");
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);

        await broker.StartAsync(CancellationToken.None);

        // Assert: it leaves the outbox and arrives exactly once.
        var row = await Eventually.GetAsync(async () => await OutboxRowAsync(factory) is { SentAt: not null } r ? r : null,
            what: "the outbox row to be sent once the broker is back");
        await using var listener = await TestBus<SurveyPublished>.StartAsync(broker.ConnectionString, "outbox-test-listener");
        var received = await Eventually.GetAsync(() => Task.FromResult(listener.Received.FirstOrDefault()), what: "SurveyPublished");
        Assert.Equal(survey.Id, received.Message.SurveyId);
        Assert.Equal(row.Id, received.MessageId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(listener.Received);
    }

    static async Task<Messaging.OutboxMessage> OutboxRowAsync(DistributionFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DistributionDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }
}
