using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// The goal administration and the politicians' goal-area view in a real Chromium against the whole app: an admin edits a
/// goal (with JavaScript off), assesses it, imports key figures from a Kolada file and watches the import; then the
/// politicians' overview and goal-area page show residents' answers beside the key figures, the feedback, axe passes,
/// every column shows at 1280 px, nothing overflows at 360 px and the print layout drops the navigation but names the municipality.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class PoliticianBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const int Year = PoliticianScenario.Year;

    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task Politician_sees_residents_answers_beside_key_figures_after_the_admin_sets_up_goals_and_imports_key_figures()
    {
        var scenario = await PoliticianScenario.CreateAsync(fixture);

        // The admin works with JavaScript off: every form must work as a plain post.
        await using (var noScript = await browser.NewContextAsync(new() { JavaScriptEnabled = false }))
        {
            var admin = await noScript.NewPageAsync();
            await LogInAsync(admin);
            await AdminEditsTheCouncilGoalAsync(admin, scenario);
            await AdminImportsKeyFiguresAsync(admin);
        }

        var page = await browser.NewPageAsync();
        await LogInAsync(page);

        // The overview, from the staff navigation.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Målområden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/mal");
        await page.GetByLabel("År", new() { Exact = true }).SelectOptionAsync(Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa året" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/mal?ar={Year}");
        var card = page.Locator("li.fu-area").Filter(new() { HasText = scenario.AreaTitle });
        // Four indicators: the residents' one meets its target, the key figure is within its tolerance, and the synpunkter
        // answered in time and their response time both miss theirs.
        await Assertions.Expect(card).ToContainTextAsync("✔ Målet nått: 1");
        await Assertions.Expect(card).ToContainTextAsync("▲ Nära målet: 1");
        await Assertions.Expect(card).ToContainTextAsync("✖ Målet inte nått: 2");
        // The council goal is overridden to partly met; the committee goal, with only a yellow key figure, is proposed as partly met.
        await Assertions.Expect(card).ToContainTextAsync("Delvis uppfyllt: 2");
        await Axe.AssertNoViolationsAsync(page);

        // The goal area.
        await card.GetByRole(AriaRole.Link, new() { Name = scenario.AreaTitle }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/mal/{scenario.AreaId}?ar={Year}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(scenario.AreaTitle);

        var citizen = page.Locator("table.fu-citizen").First;
        var citizenRow = citizen.Locator("tbody tr").Filter(new() { HasText = "Trygghet enligt invånarna" });
        await Assertions.Expect(citizenRow).ToContainTextAsync("63,4");
        await Assertions.Expect(citizenRow).ToContainTextAsync("60,6–66,2");
        await Assertions.Expect(citizenRow).ToContainTextAsync("n = 845");
        await Assertions.Expect(citizenRow).ToContainTextAsync("Statistiskt säkerställd ökning jämfört med förra året");
        await Assertions.Expect(citizenRow).ToContainTextAsync("Målet nått");

        var figures = page.Locator("table.fu-operational").First;
        var figureRow = figures.Locator("tbody tr").Filter(new() { HasText = "Andel upplysta gång- och cykelvägar" });
        await Assertions.Expect(figureRow.Locator("td").Nth(0)).ToContainTextAsync("68,5 %");
        await Assertions.Expect(figureRow.Locator("td").Nth(1)).ToHaveTextAsync("70 %");
        await Assertions.Expect(figureRow.Locator("td").Nth(2)).ToHaveTextAsync("66,1 %");
        await Assertions.Expect(figureRow.Locator("td").Nth(3)).ToContainTextAsync($"{PoliticianScenario.Peer}: 71,2 %");
        await Assertions.Expect(figureRow).ToContainTextAsync("Förbättring");
        await Assertions.Expect(figureRow).ToContainTextAsync("Nära målet");

        // How synpunkter are answered, beside them, in their own units.
        var cases = page.Locator("table.fu-feedback-cases").First;
        var inTimeRow = cases.Locator("tbody tr").Filter(new() { HasText = "Synpunkter besvarade i tid" });
        await Assertions.Expect(inTimeRow.Locator("td").Nth(0)).ToHaveTextAsync("50 %");
        await Assertions.Expect(inTimeRow.Locator("td").Nth(1)).ToHaveTextAsync("90 %");
        await Assertions.Expect(inTimeRow).ToContainTextAsync("inom svarstiden");
        await Assertions.Expect(inTimeRow).ToContainTextAsync("Målet inte nått");
        var daysRow = cases.Locator("tbody tr").Filter(new() { HasText = "Svarstid för synpunkter" });
        await Assertions.Expect(daysRow.Locator("td").Nth(0)).ToHaveTextAsync("12 arbetsdagar");
        await Assertions.Expect(daysRow.Locator("td").Nth(1)).ToHaveTextAsync("10 arbetsdagar");

        // Side by side on a wide screen: the residents' column and the key figures' column start on the same line.
        var citizenColumn = await page.Locator(".fu-beside > div").Nth(0).BoundingBoxAsync();
        var figuresColumn = await page.Locator(".fu-beside > div").Nth(1).BoundingBoxAsync();
        Assert.True(citizenColumn is not null && figuresColumn is not null
            && Math.Abs(figuresColumn.Y - citizenColumn.Y) < 1 && figuresColumn.X >= citizenColumn.X + citizenColumn.Width,
            "the key figures are not beside the residents' answers");

        // The council goal's assessment: the officer's override beside the proposal, with the analysis, who and when.
        var council = page.Locator($"section[aria-labelledby='goal-{scenario.CouncilGoalId}']");
        await Assertions.Expect(council.Locator("h2")).ToContainTextAsync("Invånarna känner sig trygga i hela kommunen");
        await Assertions.Expect(council.Locator(".fu-effective")).ToHaveTextAsync("Delvis uppfyllt");
        await Assertions.Expect(council.Locator(".fu-assessment")).ToContainTextAsync("Förslag utifrån indikatorerna");
        await Assertions.Expect(council.Locator(".fu-assessment")).ToContainTextAsync("Uppfyllt");
        await Assertions.Expect(council.Locator(".fu-assessment")).ToContainTextAsync("Ändrad av ansvarig tjänsteperson");
        await Assertions.Expect(council.Locator(".fu-analysis")).ToHaveTextAsync("Tryggheten ökar men otryggheten i norr kvarstår.");

        // A chart of the key figure year by year, with its table.
        var chart = page.Locator("figure.fu-chart").Filter(new() { HasText = "Andel upplysta gång- och cykelvägar år för år" });
        await Assertions.Expect(chart.Locator("svg[role='img'] polyline.fu-value-line")).ToHaveCountAsync(1);
        await Assertions.Expect(chart.Locator("table tbody tr")).ToHaveCountAsync(3);

        // The residents' top priorities from the year's priority matrix: "Prioritera!" first, whatever order they came in.
        var priorities = page.Locator("table.fu-priorities tbody tr");
        await Assertions.Expect(priorities).ToHaveCountAsync(2);
        await Assertions.Expect(priorities.Nth(0).Locator("th")).ToHaveTextAsync(PoliticianScenario.PriorityName);
        await Assertions.Expect(priorities.Nth(0)).ToContainTextAsync("Prioritera!");
        await Assertions.Expect(priorities.Nth(0).Locator("td").Nth(2)).ToHaveTextAsync("2,7");
        await Assertions.Expect(priorities.Nth(1)).ToContainTextAsync("Lägre prioritet");

        // What feedback says here.
        var feedback = page.Locator("section.fu-feedback");
        await Assertions.Expect(feedback).ToContainTextAsync(PoliticianScenario.FeedbackText);
        await Assertions.Expect(feedback.Locator("table tbody tr").Filter(new() { HasText = "klagomål" })).ToContainTextAsync("1");
        await Axe.AssertNoViolationsAsync(page);

        // The municipality the AppHost configures every part with, in the header.
        await Assertions.Expect(page.Locator("header.site-header .brand")).ToContainTextAsync("Älvsala kommun");

        // A desktop screen: every column of every table shows, without scrolling its region.
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await Layout.AssertTableCellsInsideAsync(page, noScrolling: true);
        await Layout.ScreenshotAsync(page, "goal-area-1280.png");

        // A phone: nothing sticks out sideways.
        await page.SetViewportSizeAsync(360, 800);
        await page.ReloadAsync();
        await AssertNoHorizontalOverflowAsync(page);
        await Layout.ScreenshotAsync(page, "goal-area-360.png");
        await Axe.AssertNoViolationsAsync(page);

        // The council meeting's print: no navigation, the goals still there.
        await page.SetViewportSizeAsync(1024, 800);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.fu-year-form")).ToBeHiddenAsync();
        await Assertions.Expect(council.Locator("h2")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".print-masthead")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".print-masthead")).ToContainTextAsync("Älvsala kommun");
        Assert.Equal("always", await council.EvaluateAsync<string>("e => getComputedStyle(e).breakBefore === 'page' ? 'always' : getComputedStyle(e).pageBreakBefore"));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // In English, the significance is said in English.
        await page.GetByLabel("Språk").SelectOptionAsync("en-GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("table.fu-citizen").First).ToContainTextAsync("Statistically significant increase since last year");
        await Assertions.Expect(page.Locator("h2#beside-heading")).ToHaveTextAsync("Residents and operations");
        await Assertions.Expect(page.Locator("table.fu-priorities tbody tr").Nth(0)).ToContainTextAsync("Safety");
        await Assertions.Expect(page.Locator("table.fu-priorities tbody tr").Nth(0)).ToContainTextAsync("Prioritise!");
    }

    async Task AdminEditsTheCouncilGoalAsync(IPage page, PoliticianScenario scenario)
    {
        await page.GotoAsync($"{Web}/admin/mal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mål och indikatorer");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator(".fu-tree").GetByRole(AriaRole.Link, new() { Name = "Invånarna känner sig trygga" }).Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/admin/mal/{scenario.CouncilGoalId}");

        // An empty title is refused next to the field, and nothing is saved.
        await page.GetByLabel("Rubrik", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara målet" }).ClickAsync();
        await Assertions.Expect(page.Locator("#goal-title-error")).ToContainTextAsync("Skriv en rubrik för målet.");
        await Assertions.Expect(page.Locator("#goal-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".error-summary a")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Rubrik", new() { Exact = true }).FillAsync("Invånarna känner sig trygga i hela kommunen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara målet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Ändringarna är sparade.");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Invånarna känner sig trygga i hela kommunen");

        // The officer overrides the proposal (met) for the year, with an analysis.
        await page.GotoAsync($"{Web}/admin/mal/{scenario.CouncilGoalId}?ar={Year}");
        await Assertions.Expect(page.Locator("#assessment-heading")).ToHaveTextAsync($"Målbedömning {Year}");
        await page.GetByLabel("Bedömning", new() { Exact = true }).SelectOptionAsync("PartlyMet");
        await page.GetByLabel("Analys", new() { Exact = true }).FillAsync("Tryggheten ökar men otryggheten i norr kvarstår.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Bedömningen är sparad.");
        await Assertions.Expect(page.Locator(".fu-effective")).ToHaveTextAsync("Delvis uppfyllt");
        await Axe.AssertNoViolationsAsync(page);
    }

    async Task AdminImportsKeyFiguresAsync(IPage page)
    {
        await page.GotoAsync($"{Web}/admin/mal/nyckeltal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import av nyckeltal");
        await Axe.AssertNoViolationsAsync(page);

        // A document that is not Kolada's shape is refused, saying where, next to the file field.
        await page.GetByLabel("Fil i Koladas JSON-format").SetInputFilesAsync(new FilePayload
        {
            Name = "fel.json", MimeType = "application/json", Buffer = "{\"values\": [{\"kpi\": \"N07550\"}]}"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera filen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kolada-file-error")).ToContainTextAsync("Filen togs inte emot");
        await Assertions.Expect(page.Locator("#kolada-file-error")).ToContainTextAsync("values[0]");

        await page.GetByLabel("Fil i Koladas JSON-format").SetInputFilesAsync(new FilePayload
        {
            Name = "kolada.json", MimeType = "application/json", Buffer = PoliticianScenario.KoladaFile(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera filen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/mal/nyckeltal/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#import-state")).ToContainTextAsync("Importen är klar");
        await Assertions.Expect(page.Locator("#import-state")).ToContainTextAsync("8 rader sparade");
        await Axe.AssertNoViolationsAsync(page);
    }

    Task LogInAsync(IPage page) => fixture.LogInAsAdministratorAsync(page);

    static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
                .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className?.baseVal ?? e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.True(overflowing.Length == 0, "at 360 px these stick out sideways: " + string.Join(", ", overflowing));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{page.Url} scrolls sideways at 360 px");
    }
}
