using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>What a page looks like on a real screen: table cells that show, and screenshots for a person to look at.</summary>
public static class Layout
{
    /// <summary>
    /// No table cell (th, td) that is laid out lies outside the viewport (its box's right edge beyond the viewport's width), and,
    /// with <paramref name="noScrolling"/>, none lies beyond the right edge of the scrolling region it sits in either: every column
    /// shows without scrolling. Closed <c>details</c> are opened first, so that their tables count too.
    /// </summary>
    public static async Task AssertTableCellsInsideAsync(IPage page, bool noScrolling)
    {
        var width = page.ViewportSize!.Width;
        var outside = await page.EvaluateAsync<string[]>("""
            ([width, noScrolling]) => {
                document.querySelectorAll('details').forEach(d => d.open = true);
                return [...document.querySelectorAll('th, td')]
                    .filter(c => c.getClientRects().length > 0)
                    .filter(c => {
                        const right = c.getBoundingClientRect().right;
                        const region = c.closest('.table-scroll');
                        return right > width + 0.5 || (noScrolling && region && right > region.getBoundingClientRect().right + 0.5);
                    })
                    .map(c => `${c.closest('table')?.querySelector('caption')?.textContent?.trim() ?? '(no caption)'}: `
                        + `"${c.textContent.trim().slice(0, 30)}" ends at ${Math.round(c.getBoundingClientRect().right)} px`);
            }
            """, new object[] { width, noScrolling });
        Assert.True(outside.Length == 0, $"at {width} px these table cells lie outside the screen{(noScrolling ? " or their region" : "")} on {page.Url}:\n"
            + string.Join("\n", outside.Take(20)));
    }

    /// <summary>A whole-page screenshot in <c>.medborgare/screenshots/</c> (git-ignored); a long page on a busy machine takes a while.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(Medborgare.Testing.TestServers.RepositoryRoot(), ".medborgare", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = 120_000 });
        return path;
    }
}
