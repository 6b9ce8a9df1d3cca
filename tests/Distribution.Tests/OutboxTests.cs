using System.Net;
using System.Net.Http.Json;
using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Distribution.Tests;

/// <summary>The transactional outbox against servers of the test's own, whose broker the test stops and starts.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    LocalServers servers = null!;

    public async Task InitializeAsync() => servers = await TestServers.StartPrivateAsync();

    public async Task DisposeAsync() => await servers.DisposeAsync();

    [Fact]
    public async Task A_survey_published_while_the_broker_is_down_is_delivered_once_when_it_is_back()
    {
        // Arrange: a listener queue exists (durable), then the broker goes away.
        await (await TestBus<SurveyPublished>.StartAsync(servers.BrokerConnectionString, "outbox-test-listener")).DisposeAsync();
        // A host of its own: it runs on the broker this test stops.
        await using var factory = await DistributionApp.StartOwnAsync(servers.BrokerConnectionString);
        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        var survey = await (await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2026, "Titel", null)))
            .Content.ReadFromJsonAsync<SurveyDto>();
        await servers.StopBrokerAsync();

        // Act: publishing succeeds for the analyst; the event waits in the outbox.
        var response = await analyst.PostAsync($"/api/surveys/{survey!.Id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failed = await Eventually.GetAsync(async () => await OutboxRowAsync(factory) is { Attempts: > 0 } r ? r : null,
            what: "a failed attempt to send the outbox row while the broker is down");
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);

        await servers.StartBrokerAsync();

        // Assert: it leaves the outbox and arrives exactly once.
        var row = await Eventually.GetAsync(async () => await OutboxRowAsync(factory) is { SentAt: not null } r ? r : null,
            what: "the outbox row to be sent once the broker is back");
        await using var listener = await TestBus<SurveyPublished>.StartAsync(servers.BrokerConnectionString, "outbox-test-listener");
        var received = await Eventually.GetAsync(() => Task.FromResult(listener.Received.FirstOrDefault()), what: "SurveyPublished");
        Assert.Equal(survey.Id, received.Message.SurveyId);
        Assert.Equal(row.Id, received.MessageId);
        // A later marker on the same queue, behind any second copy: once it is in, a duplicate would be too.
        await TestMessages.PublishAsync(servers.BrokerConnectionString, TestMessages.SurveyPublished(), Guid.NewGuid());
        await Eventually.TrueAsync(() => Task.FromResult(listener.Received.Count >= 2), what: "the marker");
        Assert.Single(listener.Received, r => r.Message.SurveyId == survey.Id);
    }

    static async Task<Messaging.OutboxMessage> OutboxRowAsync(DistributionApp factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DistributionDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }
}
