using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// DESIGN §10 on the web app as the AppHost starts it: every response carries the Content-Security-Policy and the other security
/// headers (pages, HEAD, redirects, files, error pages), and the pages still load their scripts and styles under that policy:
/// Chromium reports no violation, and enhanced navigation still works.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class SecurityHeadersTests(WholeAppFixture fixture) : BrowserTest
{
    string Web => fixture.Url(ResourceNames.Web);

    public static TheoryData<string, string, int> Responses => new()
    {
        { "GET", "/", 200 },
        { "HEAD", "/", 200 },
        { "HEAD", "/svara", 200 },
        { "GET", "/svara?kod=K7QMX-4XTR9-PHW2C", 200 },
        { "GET", "/synpunkter", 200 },
        { "HEAD", "/personal", 302 },
        { "GET", "/konto/logga-in", 200 },
        { "GET", "/_framework/blazor.web.js", 200 },
        { "GET", "/sidan-finns-inte-alls", 404 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string method, string path, int status)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), Web + path));

        Assert.Equal(status, (int)response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task Public_and_staff_pages_run_under_the_policy_without_a_violation()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text); };
        page.PageError += (_, error) => violations.Add(error);

        foreach (var path in new[] { "/", "/svara", "/synpunkter", "/synpunkter/arende", "/du-sa-vi-gjorde", "/tillganglighet", "/konto/logga-in" })
        {
            await page.GotoAsync(Web + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), $"blazor.web.js ran on {path}");
            Assert.True(await page.EvaluateAsync<int>("() => document.styleSheets.length") >= 4, $"the stylesheets applied on {path}");
        }
        await fixture.LogInAsAdministratorAsync(page);
        foreach (var path in new[] { "/personal", "/analys/enkater", "/analys/resultat", "/mal", "/admin/anvandare", "/admin/mal", "/arenden", "/arenden/svarstider", "/arenden/registrera", "/uppdrag", "/uppdrag/nytt" })
        {
            await page.GotoAsync(Web + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        // Enhanced navigation (blazor.web.js fetching the next page) still works: a link followed without a full load.
        await page.GotoAsync(Web + "/");
        await page.EvaluateAsync("() => window.__marker = 'kept'");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tillgänglighet", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Web + "/tillganglighet");
        Assert.Equal("kept", await page.EvaluateAsync<string>("() => window.__marker"));

        Assert.Empty(violations);
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage!.Method} {response.RequestMessage.RequestUri}");
}
