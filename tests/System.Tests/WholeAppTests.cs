using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.SystemTests;

[Collection(WholeAppCollection.Name)]
public sealed class WholeAppTests(WholeAppFixture fixture)
{
    [Fact]
    public async Task Every_part_reports_healthy()
    {
        using var http = new HttpClient();
        foreach (var part in ResourceNames.Services.Append(ResourceNames.Web))
        {
            var response = await http.GetAsync($"{fixture.Url(part)}/health");
            Assert.True(response.IsSuccessStatusCode, $"{part} is {(int)response.StatusCode}");
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        // PostgreSQL, RabbitMQ and the databases too, by the AppHost's own health checks.
        foreach (var server in new[] { ResourceNames.Postgres, ResourceNames.Messaging, ResourceNames.CollectionDb })
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, fixture.Instances(server).Single().Snapshot.HealthStatus);
    }

    [Fact]
    public async Task A_published_survey_reaches_collection_analysis_and_follow_up()
    {
        var analyst = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var year = 2000 + Random.Shared.Next(1, 99);
        var created = await analyst.PostAsJsonAsync("/api/surveys", new { municipalityCode = "0136", year, titleSv = $"Systemtest {year}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/surveys/{id}/publish", null)).StatusCode);

        using var resident = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        await Eventually.TrueAsync(async () => (await resident.GetAsync($"/api/surveys/{id}")).IsSuccessStatusCode,
            what: "Collection to open the survey");
        var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        await Eventually.TrueAsync(async () => (await analysis.GetAsync($"/api/surveys/{id}")).IsSuccessStatusCode,
            what: "Analysis to register the survey");
        var followUp = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Politician);
        await Eventually.TrueAsync(async () => (await followUp.GetStringAsync("/api/surveys")).Contains(id.ToString()),
            what: "FollowUp to know the survey year");
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_and_healthy_again()
    {
        var analysis = fixture.Instances(ResourceNames.Analysis).Single().ResourceId;

        var pid = fixture.Crash(analysis);

        await fixture.WaitForRestartAsync(analysis, pid);
        using var http = new HttpClient();
        Assert.True((await http.GetAsync($"{fixture.Url(ResourceNames.Analysis)}/health")).IsSuccessStatusCode);
    }

    [Fact]
    public void The_web_app_created_the_first_administrator_and_no_part_logged_the_password()
    {
        Assert.Contains("MEDBORGARE_ADMIN_CREATED", fixture.LogText);
        Assert.True(fixture.AdministratorPassword.Length >= 16);
        Assert.DoesNotContain(fixture.AdministratorPassword, fixture.LogText);
    }
}
