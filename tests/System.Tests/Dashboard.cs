using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Medborgare.SystemTests;

/// <summary>The Aspire dashboard in Chromium, as an operator uses it: logged in with the token from the AppHost's console.</summary>
public static class Dashboard
{
    /// <summary>Logs in with the login address and waits for the resources page.</summary>
    public static async Task OpenAsync(IPage page, WholeAppFixture fixture)
    {
        await page.GotoAsync(fixture.DashboardLoginUrl);
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Medborgare.Testing.TestServers.RepositoryRoot(), ".medborgare", "dashboard-login.png") });
            throw new Xunit.Sdk.XunitException($"The dashboard did not let the login address in ({fixture.DashboardLoginUrl}); it shows {page.Url}:\n"
                + await page.Locator("body").InnerTextAsync());
        }
        await Expect(page.GetByText("postgres", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The resources page's rows: each resource's name and the state it shows (Running, Finished, …).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResourceStatesAsync(IPage page, IEnumerable<string> resources)
    {
        var states = new Dictionary<string, string>();
        foreach (var resource in resources)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) }).First;
            await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
            states[resource] = await row.InnerTextAsync();
        }
        return states;
    }

    /// <summary>The trace's page: waits until it names every one of <paramref name="services"/>, and returns its text.</summary>
    public static async Task<string> TraceAsync(IPage page, WholeAppFixture fixture, string traceId, IReadOnlyList<string> services)
    {
        var text = "";
        await Medborgare.Testing.Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync($"{fixture.DashboardUrl}/traces/detail/{traceId}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            text = await page.Locator("body").InnerTextAsync();
            return services.All(s => text.Contains(s, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(60), $"the dashboard to show trace {traceId} across {string.Join(", ", services)}");
        return text;
    }
}
