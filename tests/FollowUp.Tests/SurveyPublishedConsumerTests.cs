using System.Net;
using System.Net.Http.Json;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using static Medborgare.FollowUp.Apis.SurveyYearsApi;

namespace Medborgare.FollowUp.Tests;

public sealed class SurveyPublishedConsumerTests(FollowUpApp factory) : IClassFixture<FollowUpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_published_survey_year_is_known_to_the_goal_follow_up()
    {
        var message = TestMessages.SurveyPublished(year: 2024);

        await TestMessages.PublishAsync(factory.BrokerConnectionString, message, Guid.NewGuid());

        var politician = factory.CreateStaffClient(StaffRoles.Politician);
        var years = await Eventually.GetAsync(async () =>
        {
            var list = await politician.GetFromJsonAsync<SurveyYearDto[]>("/api/surveys");
            return list is { Length: > 0 } ? list : null;
        }, what: "the survey year in FollowUp");
        var year = Assert.Single(years);
        Assert.Equal(2024, year.Year);
        Assert.False(year.ResultsPublished);
    }

    [Fact]
    public async Task The_goal_follow_up_requires_a_staff_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/surveys")).StatusCode);
    }
}
