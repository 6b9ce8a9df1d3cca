using System.Net;
using System.Net.Http.Json;
using Medborgare.Collection.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Medborgare.Collection.Apis.OpenSurveysApi;

namespace Medborgare.Collection.Tests;

public sealed class SurveyPublishedConsumerTests(CollectionApp factory) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_published_survey_becomes_open_for_answers()
    {
        var message = TestMessages.SurveyPublished();

        await TestMessages.PublishAsync(factory.BrokerConnectionString, message, Guid.NewGuid());

        var client = factory.CreateClient();
        var questionnaire = await Eventually.GetAsync(async () =>
        {
            var response = await client.GetAsync($"/api/surveys/{message.SurveyId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<PublishedSurvey>() : null;
        }, what: "the survey to open");
        Assert.Equal(2026, questionnaire.Year);
        Assert.Equal("Medborgarundersökning 2026", questionnaire.Questionnaire.Title["sv"]);
        var open = await client.GetFromJsonAsync<OpenSurvey[]>("/api/surveys");
        Assert.Equal(message.SurveyId, Assert.Single(open!).SurveyId);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_handled_once()
    {
        var message = TestMessages.SurveyPublished();
        var messageId = Guid.NewGuid();

        await TestMessages.PublishAsync(factory.BrokerConnectionString, message, messageId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, message, messageId);

        await Eventually.TrueAsync(async () => await CountAsync(db => db.Surveys) == 1, what: "the survey row");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await CountAsync(db => db.Surveys));
        Assert.Equal(1, await CountAsync(db => db.InboxMessages.Where(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task An_unknown_survey_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/surveys/{Guid.NewGuid()}")).StatusCode);
    }

    async Task<int> CountAsync<T>(Func<CollectionDbContext, IQueryable<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CollectionDbContext>()).CountAsync();
    }
}
