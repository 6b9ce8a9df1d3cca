using Medborgare.ServiceDefaults;

namespace Medborgare.SystemTests;

/// <summary>The Aspire dashboard is the operator's window: every resource of the app shows there, running and healthy.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class DashboardBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    [Fact]
    public async Task The_dashboard_shows_every_part_and_server_running()
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });

        await Dashboard.OpenAsync(page, fixture);

        string[] running = [.. ResourceNames.Services, ResourceNames.Web, ResourceNames.Postgres, ResourceNames.Messaging, "messaging-epmd",
            ResourceNames.DistributionDb, ResourceNames.CollectionDb, ResourceNames.AnalysisDb, ResourceNames.FollowUpDb, ResourceNames.WebDb];
        var states = await Dashboard.ResourceStatesAsync(page, running);
        Assert.All(states, s => Assert.True(s.Value.Contains("Running", StringComparison.Ordinal), $"{s.Key}: {s.Value}"));
        Assert.DoesNotContain(states, s => s.Value.Contains("Unhealthy", StringComparison.Ordinal));
        // The one-time initdb ran to its end.
        var init = await Dashboard.ResourceStatesAsync(page, ["postgres-init"]);
        Assert.Contains("Finished", init["postgres-init"]);
    }
}
