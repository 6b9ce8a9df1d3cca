using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// An axe audit (WCAG 2.0/2.1 A and AA) of what a page shows right now. axe runs on timers and promises, which never fire
/// in a context with JavaScript disabled, so the audit always runs on a copy: the page's current DOM, served at the page's
/// own address in a fresh context with scripts on (styles and images load from the app as usual). The same DOM, the same
/// rules, whether the page under test runs scripts or not.
/// </summary>
public static class Axe
{
    static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var html = await page.ContentAsync();
        var url = page.Url.Split('#')[0];
        await using var scratch = await page.Context.Browser!.NewContextAsync(new()
        {
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
            Locale = "sv-SE",
        });
        var copy = await scratch.NewPageAsync();
        // Only the document itself is replaced; the app's scripts are kept out so that they cannot change the copy.
        await copy.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.Split('#')[0] == url && route.Request.ResourceType == "document")
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            }
            else if (route.Request.ResourceType == "script")
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await copy.GotoAsync(url);
        var result = await copy.RunAxe(Wcag21AA).WaitAsync(TimeSpan.FromMinutes(3));
        var violations = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})"));
        Assert.True(result.Violations.Length == 0, $"axe found violations on {page.Url}:\n{violations}");
    }
}
