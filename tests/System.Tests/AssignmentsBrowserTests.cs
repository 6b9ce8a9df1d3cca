using System.Globalization;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Medborgare.SystemTests;

/// <summary>
/// Uppdrag and action plans in a real Chromium with JavaScript off, on the whole app: a politician opens a goal area and
/// follows "Ge uppdrag" from a "Prioritera!" factor, and the factor is carried through to the uppdrag; the action plan gets
/// two activities, one of them late, and the timeline and its table both say which; an interim report is written and the
/// period report for the council shows it. Every new page passes axe in Swedish and English, the timeline fits 360 px and
/// 1280 px, and the print layout of the period report passes axe too.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class AssignmentsBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const string Committee = "Tekniska nämnden";

    string Web => fixture.Url(ResourceNames.Web);

    static string Day(int fromToday) => DateOnly.FromDateTime(DateTime.Today.AddDays(fromToday)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_priority_becomes_an_uppdrag_with_an_action_plan_and_an_interim_report_in_the_period_report()
    {
        var scenario = await PoliticianScenario.CreateAsync(fixture);
        var title = $"Belys gångtunnlarna {Guid.NewGuid():N}"[..28];
        var lateActivity = "Inventera belysningen";
        var onTimeActivity = "Byta armaturer";
        var done = $"Belysningen är inventerad i hela kommunen ({Guid.NewGuid():N}).";

        await using var adminContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var admin = await adminContext.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(admin);
        var (politicianEmail, politicianPassword) = await CreateUserAsync(admin, "Förtroendevald", null);
        var (officerEmail, officerPassword) = await CreateUserAsync(admin, "Tjänsteperson", Committee);

        // The politician opens the goal area and gives an uppdrag from the residents' "Prioritera!" factor.
        await using var politicianContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var politician = await politicianContext.NewPageAsync();
        await LogInAsync(politician, politicianEmail, politicianPassword);
        await politician.GotoAsync($"{Web}/mal/{scenario.AreaId}?ar={PoliticianScenario.Year}");
        await Expect(politician.Locator("#assignments-heading")).ToHaveTextAsync("Uppdrag");
        await Axe.AssertNoViolationsAsync(politician);
        var priority = politician.Locator("table.fu-priorities tbody tr").Nth(0);
        await Expect(priority).ToContainTextAsync("Prioritera!");
        await Expect(politician.Locator("table.fu-priorities tbody tr").Nth(1).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await priority.GetByRole(AriaRole.Link, new() { Name = $"Ge uppdrag om {PoliticianScenario.PriorityName}" }).ClickAsync();
        await Expect(politician).ToHaveURLAsync(new Regex(@"/uppdrag/nytt\?omrade="));
        await Expect(politician.Locator("#assignment-form-prompt")).ToContainTextAsync($"Föranlett av: {PoliticianScenario.PriorityName} ({PoliticianScenario.CitizenKey})");
        await Expect(politician.Locator("#assignment-form-prompt")).ToContainTextAsync("betyg 63,4, effekt 2,7, medborgarundersökningen 2014");
        await Expect(politician.GetByLabel("Mål", new() { Exact = true })).ToHaveValueAsync(scenario.AreaId.ToString());
        await Axe.AssertNoViolationsAsync(politician);

        // A missing title is refused next to the field, the prompt still carried.
        await politician.GetByLabel("Ansvarig nämnd").FillAsync(Committee);
        await politician.GetByLabel("Klart senast").FillAsync(Day(120));
        await politician.GetByRole(AriaRole.Button, new() { Name = "Ge uppdraget" }).ClickAsync();
        await Expect(politician.Locator("#assignment-title-error")).ToContainTextAsync("Skriv en rubrik för uppdraget.");
        await Expect(politician.Locator("#assignment-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(politician.Locator("#assignment-form-prompt")).ToContainTextAsync(PoliticianScenario.PriorityName);
        await Axe.AssertNoViolationsAsync(politician);

        await politician.GetByLabel("Rubrik", new() { Exact = true }).FillAsync(title);
        await politician.GetByRole(AriaRole.Button, new() { Name = "Ge uppdraget" }).ClickAsync();
        await Expect(politician).ToHaveURLAsync(new Regex(@"/uppdrag/[0-9a-f-]{36}\?klart=skapat$"));
        var assignmentUrl = politician.Url.Split('?')[0];
        await Expect(politician.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppdraget är givet.");
        await Expect(politician.Locator("#assignment-prompt")).ToContainTextAsync($"{PoliticianScenario.PriorityName} ({PoliticianScenario.CitizenKey})");
        await Expect(politician.Locator("#assignment-facts")).ToContainTextAsync(Committee);
        // A politician decides what, not how: no plan forms.
        await Expect(politician.GetByRole(AriaRole.Button, new() { Name = "Lägg till aktiviteten" })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(politician);

        // The goal area lists it.
        await politician.GotoAsync($"{Web}/mal/{scenario.AreaId}?ar={PoliticianScenario.Year}");
        await Expect(politician.Locator("table.up-assignments tbody tr").Filter(new() { HasText = title })).ToContainTextAsync(Committee);

        // An officer of the responsible committee plans the work: one activity already past its end, one on time.
        await using var officerContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var officer = await officerContext.NewPageAsync();
        await LogInAsync(officer, officerEmail, officerPassword);
        await officer.GotoAsync(assignmentUrl);
        await AddActivityAsync(officer, lateActivity, "Gatuenheten", Day(-60), Day(-10));
        await AddActivityAsync(officer, onTimeActivity, "Gatuenheten", Day(-5), Day(90));
        await Expect(officer.Locator("#plan-late-summary")).ToHaveTextAsync("1 av 2 aktiviteter är försenade.");
        var rows = officer.Locator("table.up-activities tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = lateActivity })).ToContainTextAsync("Försenad");
        await Expect(rows.Filter(new() { HasText = onTimeActivity })).ToContainTextAsync("I tid");
        var timeline = officer.Locator("figure.up-timeline svg[role='img']");
        await Expect(timeline.Locator("rect.up-bar")).ToHaveCountAsync(2);
        await Expect(timeline.Locator("rect.up-bar-late")).ToHaveCountAsync(1);
        await Expect(timeline.Locator("text.up-late-text")).ToHaveTextAsync("⚠ Försenad");
        await Expect(timeline.Locator("line.up-today")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(officer);

        await officer.SetViewportSizeAsync(1280, 800);
        await officer.ReloadAsync();
        await Layout.AssertTableCellsInsideAsync(officer, noScrolling: true);
        await AssertNoHorizontalOverflowAsync(officer);
        await Layout.ScreenshotAsync(officer, "assignment-1280.png");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.SetViewportSizeAsync(360, 800);
        await officer.ReloadAsync();
        await AssertNoHorizontalOverflowAsync(officer);
        await Layout.ScreenshotAsync(officer, "assignment-360.png");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.SetViewportSizeAsync(1280, 800);

        // The interim report: an empty one is refused next to the field, then written.
        var interim = officer.Locator("#report-delarsrapport");
        await interim.GetByRole(AriaRole.Button, new() { Name = "Spara Delårsrapport" }).ClickAsync();
        await Expect(officer.Locator("#report-delarsrapport-done-error")).ToContainTextAsync("Skriv vad som har gjorts.");
        await Axe.AssertNoViolationsAsync(officer);
        await officer.Locator("#report-delarsrapport-done").FillAsync(done);
        await officer.Locator("#report-delarsrapport-status").SelectOptionAsync("InProgress");
        await officer.Locator("#report-delarsrapport").GetByRole(AriaRole.Button, new() { Name = "Spara Delårsrapport" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Återrapporteringen (Delårsrapport) är sparad.");
        await Expect(officer.Locator("#report-delarsrapport-done-text")).ToHaveTextAsync(done);
        await Axe.AssertNoViolationsAsync(officer);

        // The period report for the council meeting shows the uppdrag and what was done.
        var year = DateTime.Today.Year;
        await admin.GotoAsync($"{Web}/rapport/{year}/delarsrapport?omrade={scenario.AreaId}");
        await Expect(admin.Locator("h1")).ToHaveTextAsync($"Delårsrapport {year}");
        var area = admin.Locator("section.up-report-area");
        await Expect(area.Locator("h2")).ToHaveTextAsync(scenario.AreaTitle);
        var article = area.Locator("article.up-report-assignment").Filter(new() { HasText = title });
        await Expect(article).ToContainTextAsync(done);
        await Expect(article).ToContainTextAsync("1 försenade");
        await Expect(admin.Locator("#print-hint")).ToContainTextAsync("Skriv ut");
        await Layout.AssertTableCellsInsideAsync(admin, noScrolling: false);
        await Axe.AssertNoViolationsAsync(admin);

        // On paper: no navigation, no hint, the areas and the report still there, at 0 axe violations.
        await admin.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(admin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })).ToBeHiddenAsync();
        await Expect(admin.Locator("#print-hint")).ToBeHiddenAsync();
        await Expect(article).ToBeVisibleAsync();
        await Expect(admin.Locator(".print-masthead")).ToBeVisibleAsync();
        await Layout.ScreenshotAsync(admin, "period-report-print.png");
        await Axe.AssertNoViolationsAsync(admin);
        await admin.EmulateMediaAsync(new() { Media = Media.Screen });

        // A committee goal's own action plan.
        var goalPlan = $"/mal/{scenario.CommitteeGoalId}/handlingsplan";
        await admin.GotoAsync(Web + goalPlan);
        await Expect(admin.Locator("h1")).ToContainTextAsync("Fler upplysta gång- och cykelvägar");
        await AddActivityAsync(admin, "Ny belysning längs Storgatan", "Gatuenheten", Day(-30), Day(30));
        await Expect(admin.Locator("figure.up-timeline svg rect.up-bar")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(admin);

        // Every new page in both languages.
        var assignmentPath = new Uri(assignmentUrl).AbsolutePath;
        await AuditInBothLanguagesAsync(admin, "/uppdrag", "/uppdrag?status=NotStarted", "/uppdrag/nytt", assignmentPath, goalPlan,
            $"/rapport/{year}/delarsrapport?omrade={scenario.AreaId}", $"/rapport/{year}/arsredovisning", $"/mal/{scenario.AreaId}?ar={PoliticianScenario.Year}");
        await ChooseLanguageAsync(admin, assignmentPath, "en");
        await Expect(admin.Locator("#plan-late-summary")).ToHaveTextAsync("1 of 2 activities are late.");
        await Expect(admin.Locator("figure.up-timeline text.up-late-text")).ToHaveTextAsync("⚠ Late");
        await ChooseLanguageAsync(admin, assignmentPath, "sv");

        // The list, filtered by committee: the uppdrag itself is before its deadline, and the list says so in words.
        await admin.GotoAsync($"{Web}/uppdrag?namnd={Uri.EscapeDataString(Committee)}");
        await Expect(admin.Locator("table.up-assignments tbody tr").Filter(new() { HasText = title })).ToContainTextAsync("I tid");
    }

    async Task AddActivityAsync(IPage page, string title, string owner, string start, string end)
    {
        var form = page.Locator("section#new-activity");
        await form.GetByLabel("Aktivitet", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Ansvarig", new() { Exact = true }).FillAsync(owner);
        await form.GetByLabel("Start", new() { Exact = true }).FillAsync(start);
        await form.GetByLabel("Slut", new() { Exact = true }).FillAsync(end);
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("InProgress");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lägg till aktiviteten" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aktiviteten är tillagd.");
        await Expect(page.Locator("table.up-activities tbody tr").Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }

    /// <summary>A staff account made on the users page with one role (and a committee, typed); its one-time password.</summary>
    async Task<(string Email, string Password)> CreateUserAsync(IPage admin, string roleLabel, string? committee)
    {
        var email = $"uppdrag-{Guid.NewGuid():N}"[..20] + "@kommun.example";
        await admin.GotoAsync($"{Web}/admin/anvandare");
        var form = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Nytt konto" }) });
        await form.GetByLabel("E-postadress").FillAsync(email);
        await form.GetByLabel(roleLabel, new() { Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        var password = (await admin.Locator("#one-time-password").InnerTextAsync()).Trim();
        if (committee is not null)
        {
            var row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
            await row.GetByLabel("Annan nämnd").FillAsync(committee);
            await row.GetByRole(AriaRole.Button, new() { Name = $"Spara nämnder {email}" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Nämnderna för {email} är sparade.");
        }
        return (email, password);
    }

    async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync($"{Web}/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Web}/personal");
    }

    /// <summary>Each page through axe in Swedish and then in English; the page ends in Swedish again.</summary>
    async Task AuditInBothLanguagesAsync(IPage page, params string[] paths)
    {
        foreach (var language in new[] { "sv", "en" })
        {
            await ChooseLanguageAsync(page, paths[0], language);
            foreach (var path in paths)
            {
                await page.GotoAsync($"{Web}{path}");
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
                await AssertNoHorizontalOverflowAsync(page);
                await Axe.AssertNoViolationsAsync(page);
            }
        }
        await ChooseLanguageAsync(page, paths[0], "sv");
    }

    async Task ChooseLanguageAsync(IPage page, string path, string language)
    {
        await page.GotoAsync($"{Web}{path}");
        if (await page.Locator("html").GetAttributeAsync("lang") == language) return;
        await page.Locator("#culture").SelectOptionAsync(language == "en" ? "en-GB" : "sv-SE");
        await page.Locator(".language-form button").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
                .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className?.baseVal ?? e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.True(overflowing.Length == 0, $"at {page.ViewportSize?.Width} px these stick out sideways on {page.Url}: " + string.Join(", ", overflowing));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");
    }
}
