using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// The analyst's results pages in a real Chromium against the whole app, with 250 real responses submitted through Collection's
/// public API and counted by Analysis: indices with CIs, breakdowns with suppression, the priority matrix, year over year, free
/// text, the CSV export, publishing, axe on every page and no sideways scrolling at 360 px.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class AnalystResultsBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const int Respondents = 250;

    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task An_analyst_reads_the_weighted_results_downloads_the_table_and_publishes()
    {
        // No survey in the years the trend looks back over (this year and four before), so this year is the only one in it.
        var year = await fixture.UnusedYearAsync(consecutive: 5);
        var survey = await ResultsSurveySetup.CreateAsync(fixture, year, frame: 3000, sample: 600, Respondents, seed: year);
        var feedbackText = $"Belysningen på gångvägen är trasig ({Guid.NewGuid():N})";
        await SendFeedbackAsync(feedbackText);

        using var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        using (var before = await analysis.GetAsync($"/api/surveys/{survey.Id}/results"))
        {
            Assert.True(before.IsSuccessStatusCode, $"results → {(int)before.StatusCode}: {await before.Content.ReadAsStringAsync()}");
        }

        var page = await browser.NewPageAsync();
        await LogInAsync(page);

        // The list of surveys with results, reached from the staff navigation, with a year selector.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Resultat" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/resultat");
        await page.GetByLabel("Välj år").SelectOptionAsync(year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync($"Medborgarundersökning {year}");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Medborgarundersökning {year}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/resultat/{survey.Id}");
        var resultsUrl = page.Url;

        // Status: preliminary and live, every response counted, the weights calibrated.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Resultat: Medborgarundersökning {year}");
        await Assertions.Expect(page.Locator("#results-status")).ToHaveTextAsync("Preliminära");
        await Assertions.Expect(page.Locator("#results-respondents")).ToHaveTextAsync(Respondents.ToString());
        await Assertions.Expect(page.Locator("#calibration-report")).ToContainTextAsync("Vikterna är kalibrerade");

        // Indices: a chart with a name, and a table where each index has a value inside its 95 % CI and an n.
        var indices = page.Locator("#index");
        await Assertions.Expect(indices.Locator("svg[role=img]")).ToHaveCountAsync(3);
        var nri = indices.GetByRole(AriaRole.Table, new() { Name = "Nöjd-Region-Index (NRI) och dess faktorer" });
        var nriRow = nri.Locator("tbody tr").First;
        var value = ParseNumber(await nriRow.Locator("td").Nth(0).InnerTextAsync());
        var interval = (await nriRow.Locator("td").Nth(1).InnerTextAsync()).Split('–').Select(ParseNumber).ToArray();
        Assert.InRange(value, 0, 100);
        Assert.True(interval[0] < value && value < interval[1], $"the NRI {value} lies inside its CI {interval[0]}–{interval[1]}");
        Assert.InRange(long.Parse(await nriRow.Locator("td").Nth(2).InnerTextAsync()), 200, Respondents);
        Assert.True(await nri.Locator("tbody tr").CountAsync() > 1, "the NRI table lists its factors");

        // Breakdowns: with 250 respondents some group is below the threshold, and its estimate is withheld with a note.
        var breakdowns = page.Locator("#nedbrytningar");
        await Assertions.Expect(breakdowns.GetByRole(AriaRole.Table, new() { Name = "Index efter åldersgrupp" })).ToBeVisibleAsync();
        await Assertions.Expect(breakdowns.GetByRole(AriaRole.Table, new() { Name = "Index efter distrikt" })).ToBeVisibleAsync();
        Assert.True(await breakdowns.Locator(".suppressed").CountAsync() > 0, "some group is suppressed");
        await Assertions.Expect(breakdowns.Locator("#suppression-note")).ToContainTextAsync("färre svarande än gränsen");

        // The priority matrix as a scatter with quadrants, and its table sorted by quadrant.
        var priorities = page.Locator("#prioriteringar");
        var matrix = priorities.Locator("svg[role=img]").First;
        await Assertions.Expect(matrix).ToHaveAttributeAsync("aria-label", new Regex("prioriteringsmatris"));
        await Assertions.Expect(matrix.Locator("text.quadrant")).ToHaveTextAsync(["Prioritera!", "Bevara", "Förbättra om möjligt", "Lägre prioritet"]);
        Assert.True(await matrix.Locator(".factor-point").CountAsync() >= 3, "the factors are plotted");
        var quadrants = await priorities.Locator("table.priority-table").First.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        string[] order = ["Prioritera!", "Bevara", "Förbättra om möjligt", "Lägre prioritet"];
        Assert.Equal(quadrants.OrderBy(q => Array.IndexOf(order, q)), quadrants);

        // Year over year: the only year so far, with its chart and table.
        var trend = page.Locator("#over-tid");
        await Assertions.Expect(trend.Locator("svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(trend.GetByRole(AriaRole.Table)).ToContainTextAsync(year.ToString());
        await Assertions.Expect(trend).ToContainTextAsync("Bara ett år hittills");
        await Assertions.Expect(page.Locator("#synpunkter")).ToContainTextAsync(feedbackText);
        await Axe.AssertNoViolationsAsync(page);

        // A desktop screen: no table cell lies outside it (the "Bedömning" column included), every details section opened.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Layout.AssertTableCellsInsideAsync(page, noScrolling: true);
        await page.ReloadAsync();
        await Layout.ScreenshotAsync(page, "results-1280.png");

        // A breakdown by a choice question, chosen in a form.
        await breakdowns.GetByLabel("Välj fråga att bryta ned efter").SelectOptionAsync("bakgrund.boendetid");
        await breakdowns.GetByRole(AriaRole.Button, new() { Name = "Bryt ned" }).ClickAsync();
        var byChoice = page.Locator("#breakdown-choice-caption");
        await Assertions.Expect(byChoice).ToContainTextAsync("Hur länge har du bott i kommunen?");
        // A column per answer option (four), beside the indicators' names.
        await Assertions.Expect(page.Locator("table:has(#breakdown-choice-caption) thead th")).ToHaveCountAsync(5);

        // The free-text answers to the comment question.
        var freeText = page.Locator("#fritext");
        await freeText.GetByRole(AriaRole.Button, new() { Name = "Visa svaren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fritext .text-answers li")).ToHaveCountAsync(survey.FreeTexts.Count);
        await Assertions.Expect(page.Locator("#fritext")).ToContainTextAsync(survey.FreeTexts[0]);
        await Axe.AssertNoViolationsAsync(page);

        // The indicator table as CSV for Swedish Excel: a BOM and semicolons.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned resultattabellen (CSV)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "the CSV starts with a UTF-8 BOM");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(';', lines[0]);
        Assert.Contains(lines, l => l.StartsWith("NRI;", StringComparison.Ordinal) || l.Contains(";NRI;", StringComparison.Ordinal));
        Assert.EndsWith(".csv", download.SuggestedFilename);

        // On a phone nothing sticks out sideways: charts scale and tables scroll in their own region.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync(resultsUrl);
        await AssertNoSidewaysScrollAsync(page);

        // Publishing asks first, then says it is done, and the status changes.
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("#publicera").GetByRole(AriaRole.Link, new() { Name = "Publicera resultaten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publish-confirm-text")).ToContainTextAsync($"{Respondents} svarande");
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, publicera resultaten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publicera").GetByRole(AriaRole.Status)).ToHaveTextAsync("Resultaten är publicerade.");
        await Assertions.Expect(page.Locator("#results-status")).ToHaveTextAsync("Publicerade");
        // Published without keeping them current: answers counted later wait for the analyst to publish again.
        await Assertions.Expect(page.Locator("#publicera").GetByRole(AriaRole.Link, new() { Name = "Publicera igen med dagens svar" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // Published again and kept current; then the analyst stops the updates, and later answers wait again.
        await page.Locator("#publicera").GetByRole(AriaRole.Link, new() { Name = "Publicera igen med dagens svar" }).ClickAsync();
        await page.GetByLabel("Håll de publicerade resultaten aktuella tills enkäten stängs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, publicera resultaten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#keep-current-status")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sluta uppdatera de publicerade resultaten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publicera").GetByRole(AriaRole.Status)).ToContainTextAsync("uppdateras inte längre");
        await Assertions.Expect(page.Locator("#keep-current-status")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#publicera").GetByRole(AriaRole.Link, new() { Name = "Publicera igen med dagens svar" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // A fresh token: the one made at the start may have expired during a slow run.
        using var analysisNow = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        var results = await analysisNow.GetFromJsonAsync<JsonElement>($"/api/surveys/{survey.Id}/results");
        Assert.Equal("Published", results.GetProperty("status").GetString());
        Assert.False(results.GetProperty("keepPublishedCurrent").GetBoolean());
    }

    [Fact]
    public async Task Without_javascript_the_results_page_works_in_english_and_an_unknown_survey_is_not_found()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await LogInAsync(page);
        await page.GetByLabel("Språk").SelectOptionAsync("en-GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();

        await page.GotoAsync($"{Web}/analys/resultat");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Results");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"{Web}/analys/resultat/{Guid.NewGuid()}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Results not found");
        await Axe.AssertNoViolationsAsync(page);
    }

    static double ParseNumber(string text) => double.Parse(text.Replace(',', '.').Replace('−', '-').Trim(' ', '%'), System.Globalization.CultureInfo.InvariantCulture);

    async Task SendFeedbackAsync(string text)
    {
        using var collection = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        using var response = await collection.PostAsJsonAsync("/api/feedback", new { category = "förslag", goalArea = "livsmiljo", text, contactConsent = false });
        Assert.True(response.IsSuccessStatusCode, $"feedback → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
                .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className?.baseVal ?? e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.True(overflowing.Length == 0, "at 360 px these stick out sideways: " + string.Join(", ", overflowing));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the results page scrolls sideways at 360 px");
    }

    Task LogInAsync(IPage page) => fixture.LogInAsAdministratorAsync(page);

}
