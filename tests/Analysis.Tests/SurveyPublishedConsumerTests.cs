using System.Net;
using System.Net.Http.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.ApiContracts.Analysis;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Analysis.Tests;

public sealed class SurveyPublishedConsumerTests(AnalysisApp factory) : IClassFixture<AnalysisApp>
{

    [Fact]
    public async Task A_published_survey_is_registered_for_analysis()
    {
        var message = TestMessages.SurveyPublished(year: 2025);

        await TestMessages.PublishAsync(factory.BrokerConnectionString, message, Guid.NewGuid());

        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        var survey = await Eventually.GetAsync(async () =>
        {
            var response = await analyst.GetAsync($"/api/surveys/{message.SurveyId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<AnalysedSurveyDto>() : null;
        }, what: "the survey in Analysis");
        Assert.Equal(2025, survey.Year);
        Assert.Equal("0136", survey.MunicipalityCode);
    }

    [Fact]
    public async Task Results_are_for_analysts_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(StaffRoles.Politician).GetAsync("/api/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateStaffClient(StaffRoles.Analyst).GetAsync("/api/surveys")).StatusCode);
    }
}
