using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Medborgare.SystemTests;

/// <summary>
/// Synpunkter as cases in a real Chromium with JavaScript off, on the whole app: a resident sends a synpunkt without contact
/// details and follows it by its receipt number; a caseworker of the committee answers and publishes it on the staff pages,
/// and the answer shows on the receipt page and in "Du sa – vi gjorde"; a caseworker of another committee never sees it; a
/// hostile receipt number is answered like an unknown one. Every page passes axe, in Swedish and English, and at 360 px.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class CasesBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task A_synpunkt_is_followed_by_its_receipt_answered_and_published_by_its_committees_caseworker_and_hidden_from_others()
    {
        var text = $"Gungorna i parken vid Storgatan är trasiga ({Guid.NewGuid():N}).";
        var answer = $"Tack! Vi har lagat gungorna och ser över parken varje vecka ({Guid.NewGuid():N}).";

        // The resident sends a synpunkt without contact details and gets a receipt number and a due date.
        await using var residentContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var resident = await residentContext.NewPageAsync();
        await resident.GotoAsync($"{Web}/synpunkter");
        await resident.GetByLabel("Förslag").CheckAsync();
        await resident.GetByLabel("Livsmiljö", new() { Exact = false }).CheckAsync();
        await resident.GetByLabel("Din synpunkt").FillAsync(text);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Skicka synpunkten" }).ClickAsync();
        await Expect(resident.Locator("h1")).ToHaveTextAsync("Tack för din synpunkt!");
        var receipt = (await resident.Locator("#feedback-receipt").InnerTextAsync()).Trim();
        Assert.Matches("^S-[2-9A-Z]{5}-[2-9A-Z]{5}$", receipt);
        await Expect(resident.Locator("#feedback-due-date")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        await Axe.AssertNoViolationsAsync(resident);

        await resident.GetByRole(AriaRole.Link, new() { Name = $"Följ synpunkt {receipt}" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync($"{Web}/synpunkter/{receipt}");
        await Expect(resident.Locator("#receipt-status")).ToHaveTextAsync("Mottagen");
        await Expect(resident.Locator("#receipt-answer")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Gungorna", await resident.Locator("main").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(resident);

        // The case's committee, as Collection routed it; another committee that has no cases.
        var (caseId, committee) = await FindCaseAsync(receipt);
        var otherCommittee = $"Testnämnd {Guid.NewGuid():N}"[..22];

        await using var adminContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var admin = await adminContext.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(admin);
        var (own, ownPassword) = await CreateCaseworkerAsync(admin, committee, null);
        var (other, otherPassword) = await CreateCaseworkerAsync(admin, null, otherCommittee);
        await Axe.AssertNoViolationsAsync(admin);

        // The committee's caseworker finds the case in the list, answers it and publishes it.
        await using var ownContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var caseworker = await ownContext.NewPageAsync();
        await LogInAsync(caseworker, own, ownPassword);
        await caseworker.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Ärenden" }).ClickAsync();
        await Expect(caseworker).ToHaveURLAsync($"{Web}/arenden");
        await Axe.AssertNoViolationsAsync(caseworker);
        await caseworker.GotoAsync($"{Web}/arenden?committee={Uri.EscapeDataString(committee)}&status=Received&goalArea=livsmiljo");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
        await Expect(caseworker).ToHaveURLAsync($"{Web}/arenden/{caseId}");
        await Expect(caseworker.Locator("#case-text")).ToContainTextAsync("Gungorna i parken");
        await Expect(caseworker.Locator("main")).ToContainTextAsync("Inga kontaktuppgifter lämnades.");
        await Expect(caseworker.GetByLabel("Skicka svaret med e-post")).ToBeDisabledAsync();
        await Axe.AssertNoViolationsAsync(caseworker);

        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();
        await Expect(caseworker.Locator("#case-answer-text-error")).ToContainTextAsync("Skriv ett svar.");
        await Axe.AssertNoViolationsAsync(caseworker);

        await caseworker.GetByLabel("Svar till invånaren").FillAsync(answer);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Spara svaret" }).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Status)).ToHaveTextAsync("Svaret är sparat.");
        await Expect(caseworker.Locator("#case-answer")).ToHaveTextAsync(answer);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Publicera i Du sa – vi gjorde" }).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ärendet är publicerat i Du sa – vi gjorde.");
        await Expect(caseworker.GetByRole(AriaRole.Table, new() { Name = "Händelser" })).ToContainTextAsync("Publicerad");
        await Axe.AssertNoViolationsAsync(caseworker);
        await AuditInBothLanguagesAsync(caseworker, $"/arenden/{caseId}", "/arenden", "/arenden/forsenade", "/arenden/svarstider", "/arenden/registrera");

        // A caseworker of another committee does not see it, and may not ask for that committee's list.
        await using var otherContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var stranger = await otherContext.NewPageAsync();
        await LogInAsync(stranger, other, otherPassword);
        await stranger.GotoAsync($"{Web}/arenden");
        await Expect(stranger.Locator("h1")).ToHaveTextAsync("Ärenden (synpunkter)");
        await Expect(stranger.GetByRole(AriaRole.Link, new() { Name = receipt })).ToHaveCountAsync(0);
        await stranger.GotoAsync($"{Web}/arenden?committee={Uri.EscapeDataString(committee)}");
        await Expect(stranger.GetByRole(AriaRole.Link, new() { Name = receipt })).ToHaveCountAsync(0);
        await Expect(stranger.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await stranger.GotoAsync($"{Web}/arenden/{caseId}");
        await Expect(stranger.Locator("#case-text")).ToHaveCountAsync(0);
        await Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("finns inte");

        // The resident now reads the answer by the receipt, and in "Du sa – vi gjorde".
        await resident.GotoAsync($"{Web}/synpunkter/{receipt}");
        await Expect(resident.Locator("#receipt-status")).ToHaveTextAsync("Besvarad");
        await Expect(resident.Locator("#receipt-answer")).ToHaveTextAsync(answer);
        await Axe.AssertNoViolationsAsync(resident);
        await resident.GotoAsync($"{Web}/du-sa-vi-gjorde/livsmiljo");
        await Expect(resident.Locator("main")).ToContainTextAsync(answer);
        await Expect(resident.Locator("main")).ToContainTextAsync("Gungorna i parken");
        await AuditInBothLanguagesAsync(resident, $"/synpunkter/{receipt}", "/du-sa-vi-gjorde", "/du-sa-vi-gjorde/livsmiljo");

        // Answered, the case is closed, and can be opened again.
        await caseworker.GotoAsync($"{Web}/arenden/{caseId}");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ärendet är avslutat.");
        await Expect(caseworker.Locator(".facts").First).ToContainTextAsync("Avslutad");
        await Axe.AssertNoViolationsAsync(caseworker);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Öppna ärendet igen" }).ClickAsync();
        await Expect(caseworker.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ärendet är öppnat igen.");
        await Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_hostile_or_unknown_receipt_number_gets_the_same_friendly_answer_and_the_public_pages_fit_360_px()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Web}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Följ en synpunkt du har lämnat" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Web}/synpunkter/arende");
        await AssertFitsAndPassesAxeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Visa synpunkten" }).ClickAsync();
        await Expect(page.Locator("#receipt-error")).ToContainTextAsync("Skriv ditt kvittensnummer.");
        await AssertFitsAndPassesAxeAsync(page);

        await page.GetByLabel("Kvittensnummer").FillAsync("S-2222222222");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa synpunkten" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Web}/synpunkter/S-2222222222");
        var unknown = await page.Locator("#receipt-not-found").InnerTextAsync();
        Assert.Contains("Det finns ingen synpunkt med det kvittensnumret.", unknown);
        await AssertFitsAndPassesAxeAsync(page);

        foreach (var hostile in new[] { "<script>alert(1)</script>", "S-' OR 1=1 --", "../../etc/passwd", new string('S', 500) })
        {
            await page.GotoAsync($"{Web}/synpunkter/arende");
            await page.GetByLabel("Kvittensnummer").FillAsync(hostile[..Math.Min(hostile.Length, 40)]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Visa synpunkten" }).ClickAsync();
            Assert.Equal(unknown, await page.Locator("#receipt-not-found").InnerTextAsync());
        }
        await page.GotoAsync($"{Web}/synpunkter/{Uri.EscapeDataString("S-<b>x<b>'\"")}");
        Assert.Equal(unknown, await page.Locator("#receipt-not-found").InnerTextAsync());
        await AssertFitsAndPassesAxeAsync(page);

        await page.GotoAsync($"{Web}/du-sa-vi-gjorde");
        await AssertFitsAndPassesAxeAsync(page);
        await page.GotoAsync($"{Web}/du-sa-vi-gjorde/omsorg");
        await AssertFitsAndPassesAxeAsync(page);
        await page.GotoAsync($"{Web}/du-sa-vi-gjorde/okand");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Det finns inget sådant målområde.");
        await AuditInBothLanguagesAsync(page, "/synpunkter/arende", "/synpunkter/S-2222222222", "/du-sa-vi-gjorde");
    }

    [Fact]
    public async Task Staff_register_a_synpunkt_that_came_by_phone_and_see_the_response_times()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(page);
        await page.GotoAsync($"{Web}/arenden/registrera");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#register-channel-error")).ToContainTextAsync("Välj hur synpunkten kom in.");
        await Axe.AssertNoViolationsAsync(page);

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Telefon" }).CheckAsync();
        await page.GetByLabel("Dag den kom in").FillAsync(day);
        await page.GetByLabel("Fråga").CheckAsync();
        await page.GetByLabel("Målområde").SelectOptionAsync("omsorg");
        await page.GetByLabel("Synpunkten", new() { Exact = false }).FillAsync("Ringde om hemtjänstens tider i Norra. Ring mig på 070-123 45 67.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/arenden/[0-9a-f-]{36}\\?registrerat=1$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Synpunkten är registrerad som ett ärende.");
        await Expect(page.Locator("main")).ToContainTextAsync("Telefon");
        Assert.DoesNotContain("123 45 67", await page.Locator("#case-text").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);

        // Not answered yet, it cannot be closed: Collection's refusal is shown as an alert.
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();
        await Expect(page.Locator("#case-problem")).ToHaveTextAsync("Ärendet är inte besvarat än.");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync($"{Web}/arenden/svarstider");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Svarstider");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Per nämnd" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Per månad" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Per målområde" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await AuditInBothLanguagesAsync(page, "/arenden/svarstider", "/arenden/forsenade", "/admin/anvandare");
    }

    /// <summary>The case by its receipt, through Collection's staff API, and the committee it was routed (or is proposed) to.</summary>
    async Task<(Guid Id, string Committee)> FindCaseAsync(string receipt)
    {
        using var collection = fixture.StaffClient(ResourceNames.Collection, StaffRoles.Admin);
        for (var page = 1; page < 100; page++)
        {
            var list = await collection.GetFromJsonAsync<JsonElement>($"/api/cases?goalArea=livsmiljo&page={page}&pageSize=50");
            var cases = list.GetProperty("cases").EnumerateArray().ToList();
            if (cases.FirstOrDefault(c => Plain(c.GetProperty("receipt").GetString()) == Plain(receipt)) is { ValueKind: JsonValueKind.Object } found)
            {
                var id = found.GetProperty("id").GetGuid();
                var detail = await collection.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
                var committee = detail.GetProperty("committee").GetString() ?? detail.GetProperty("proposedCommittee").GetString();
                return (id, committee ?? throw new InvalidOperationException($"{receipt} has no committee"));
            }
            if (cases.Count == 0) break;
        }
        throw new InvalidOperationException($"Collection has no case {receipt}");
    }

    static string? Plain(string? receipt) => receipt?.Replace("-", "", StringComparison.Ordinal);

    /// <summary>A caseworker account made on the users page: the role, then the committee (a known one ticked, or another typed).</summary>
    async Task<(string Email, string Password)> CreateCaseworkerAsync(IPage admin, string? knownCommittee, string? otherCommittee)
    {
        var email = $"handlaggare-{Guid.NewGuid():N}"[..24] + "@kommun.example";
        await admin.GotoAsync($"{Web}/admin/anvandare");
        var form = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Nytt konto" }) });
        await form.GetByLabel("E-postadress").FillAsync(email);
        await form.GetByLabel("Handläggare").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Kontot för {email} är skapat.");
        var password = (await admin.Locator("#one-time-password").InnerTextAsync()).Trim();

        var row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
        if (knownCommittee is not null) await row.GetByLabel(knownCommittee, new() { Exact = true }).CheckAsync();
        if (otherCommittee is not null) await row.GetByLabel("Annan nämnd").FillAsync(otherCommittee);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Spara nämnder {email}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Nämnderna för {email} är sparade.");
        row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
        await Expect(row).ToContainTextAsync(knownCommittee ?? otherCommittee!);
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

    /// <summary>Each page through axe in Swedish and then in English (chosen with the language form); the page ends in Swedish again.</summary>
    async Task AuditInBothLanguagesAsync(IPage page, params string[] paths)
    {
        foreach (var language in new[] { "sv", "en" })
        {
            await ChooseLanguageAsync(page, paths[0], language);
            foreach (var path in paths)
            {
                await page.GotoAsync($"{Web}{path}");
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await AssertFitsAndPassesAxeAsync(page);
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

    static async Task AssertFitsAndPassesAxeAsync(IPage page)
    {
        if (page.ViewportSize is { Width: <= 400 })
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{page.Url} scrolls sideways at 360 px.");
        await Axe.AssertNoViolationsAsync(page);
    }
}
