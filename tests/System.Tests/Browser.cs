using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download does not work here).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Install it with: apt-get install -y chromium");
        }
        // A 2-core machine running the whole app, its servers and Chromium at once can take longer than Playwright's
        // default 5 s (here 20 s) for a page to settle after a form post; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(20_000);
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}

/// <summary>A test class that drives Chromium: one browser per test, started before it and closed after it.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    IPlaywright playwright = null!;
    protected IBrowser browser = null!;

    public async Task InitializeAsync() => (playwright, browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
