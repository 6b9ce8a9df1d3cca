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
        foreach (var project in fixture.App.Projects)
        {
            var response = await http.GetAsync($"{project.Url}/health");
            Assert.True(response.IsSuccessStatusCode, $"{project.Name} is {(int)response.StatusCode}");
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
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
        var analysis = fixture.App.Project(ResourceNames.Analysis);
        var process = analysis.RunningProcess!;
        var before = process.Restarts;
        var pid = process.ProcessId;

        process.Crash();

        await Eventually.TrueAsync(() => Task.FromResult(process.Restarts > before && process.ProcessId is not null && process.ProcessId != pid),
            TimeSpan.FromSeconds(30), "the AppHost to restart Analysis");
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            try { return (await http.GetAsync($"{analysis.Url}/health")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(60), "Analysis to be healthy again");
    }

    [Fact]
    public void The_AppHost_printed_the_first_administrators_password_once_and_no_service_logged_it()
    {
        var password = fixture.App.CreatedAdministratorPassword;
        Assert.NotNull(password);
        // The AppHost's own summary is printed to the console only by RunAsync; the services' logs must not contain it.
        Assert.DoesNotContain(password, fixture.LogText);
    }
}
