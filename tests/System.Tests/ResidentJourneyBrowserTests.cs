using System.Text.RegularExpressions;

using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Medborgare.SystemTests;

/// <summary>
/// The residents' pages in a real Chromium against the whole app, with codes that Distribution really issued: the code, the
/// questionnaire page by page with conditions, resuming on another device, review, submission, the receipt and open feedback;
/// with JavaScript on and off, in Swedish and English, through axe, and at a phone's 360 px.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class ResidentJourneyBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    string Web => fixture.Url(ResourceNames.Web);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_resident_answers_with_conditions_leaves_resumes_on_another_device_and_submits_once(bool javaScript)
    {
        var survey = await ResidentSurvey.GetAsync(fixture);
        var code = survey.TakeCode();
        var respondentsBefore = await survey.RespondentsAsync(fixture);

        // On the phone: the code typed as it comes, in small letters and without dashes.
        await using (var phone = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript }))
        {
            var page = await phone.NewPageAsync();
            await page.GotoAsync($"{Web}/svara");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Svara på medborgarundersökningen");
            if (javaScript) await AssertNoAxeViolationsAsync(page);
            await page.GetByLabel("Din kod").FillAsync(code.Replace("-", "").ToLowerInvariant());
            await page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" }).ClickAsync();

            await ExpectPageAsync(page, 1);
            await Expect(page.Locator("h1")).ToHaveTextAsync(survey.Title);
            await Expect(page.Locator("h2").First).ToHaveTextAsync("Om dig och ditt hushåll");
            if (javaScript)
            {
                await AssertNoAxeViolationsAsync(page);
                await Expect(page.Locator("h1")).ToBeFocusedAsync();
            }
            await ChooseAsync(page, "bakgrund.barn-forskola", 0);    // ja: the preschool questions are shown
            await ChooseAsync(page, "bakgrund.barn-grundskola", 1);  // nej: the school questions are hidden
            await ChooseAsync(page, "bakgrund.barn-gymnasium", 1);
            await ChooseAsync(page, "bakgrund.aldreomsorg", 1);      // nej: the elderly-care questions are hidden
            await ChooseAsync(page, "bakgrund.fardmedel", 1);        // cykel
            await ChooseAsync(page, "bakgrund.fardmedel", 2);        // kollektivtrafik
            await NextAsync(page, 2);

            await Expect(page.Locator(".survey-progress label")).ToHaveTextAsync("Sida 2 av 10");
            await Expect(page.Locator("#q-nri-bostader-utbud legend")).ToContainTextAsync("boendeformer");
            await Expect(page.Locator("#q-nri-bostader-utbud-vet-ej")).ToBeVisibleAsync();
            if (javaScript) await AssertNoAxeViolationsAsync(page);
            await ChooseAsync(page, "nri.bostader.utbud", 7);                               // 8
            await page.Locator("label[for='q-nri-bostader-mojlighet-vet-ej']").ClickAsync(); // vet ej
            await ChooseAsync(page, "nri.trygghet.kvall", 9);                               // 10
            await NextAsync(page, 3);
            await ChooseAsync(page, "nri.helhet.nojd", 8);
            await NextAsync(page, 4);

            // Only the preschool questions of section 4 apply.
            await Expect(page.Locator(".survey-progress label")).ToHaveTextAsync("Sida 4 av 10");
            await Expect(page.Locator("#q-nmi-forskola-kvalitet")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("#q-nmi-grundskola-kunskap").CountAsync());
            Assert.Equal(0, await page.Locator("#q-nmi-gymnasieskola-utbud").CountAsync());
            if (javaScript) await AssertNoAxeViolationsAsync(page);
            await ChooseAsync(page, "nmi.forskola.kvalitet", 6);   // 7
            await NextAsync(page, 5);
            Assert.Equal(0, await page.Locator("#q-nmi-aldreomsorg-hemtjanst").CountAsync());
        }

        // Later, on another computer: the same code leads back to page 5, with everything kept.
        await using (var computer = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript }))
        {
            var page = await computer.NewPageAsync();
            await page.GotoAsync($"{Web}/svara");
            await page.GetByLabel("Din kod").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" }).ClickAsync();
            await ExpectPageAsync(page, 5);

            await page.GetByRole(AriaRole.Button, new() { Name = "Spara och gå tillbaka" }).ClickAsync();
            await ExpectPageAsync(page, 4);
            await Expect(page.Locator("#q-nmi-forskola-kvalitet-6")).ToBeCheckedAsync();
            for (var p = 5; p <= 10; p++)
            {
                await NextAsync(page, p);
                if (javaScript) await AssertNoAxeViolationsAsync(page);
            }
            await page.GetByLabel("Har du något mer du vill säga", new() { Exact = false }).FillAsync("Mer belysning längs cykelvägen, tack.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara och granska svaren" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/svara/granska$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Granska dina svar");
            await Expect(page.Locator("#svar-q-bakgrund-barn-forskola dd")).ToHaveTextAsync("Ja");
            await Expect(page.Locator("#svar-q-bakgrund-fardmedel dd")).ToHaveTextAsync("Cyklar, Kollektivtrafik (buss, tåg eller spårvagn)");
            await Expect(page.Locator("#svar-q-nri-bostader-utbud dd")).ToHaveTextAsync("8");
            await Expect(page.Locator("#svar-q-nri-bostader-mojlighet dd")).ToHaveTextAsync("Vet ej / ingen åsikt");
            await Expect(page.Locator("#svar-q-nri-trygghet-kvall dd")).ToHaveTextAsync("10 – Mycket trygg");
            await Expect(page.Locator("#svar-q-nmi-forskola-kvalitet dd")).ToHaveTextAsync("7");
            await Expect(page.Locator("#svar-q-ovrigt-kommentar dd")).ToHaveTextAsync("Mer belysning längs cykelvägen, tack.");
            Assert.Equal(0, await page.Locator("#svar-q-nmi-grundskola-kunskap").CountAsync());
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ändra svaren om Om dig och ditt hushåll" }))
                .ToHaveAttributeAsync("href", "/svara/enkat?sida=1");
            if (javaScript) await AssertNoAxeViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in svaren" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/svara/tack\\?kvitto=M-[0-9A-Z]{8}$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för dina svar!");
            await Expect(page.Locator(".receipt-number")).ToHaveTextAsync(new Regex("^M-[0-9A-Z]{8}$"));
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lämna en synpunkt" })).ToHaveAttributeAsync("href", "/synpunkter");
            if (javaScript) await AssertNoAxeViolationsAsync(page);
            Assert.DoesNotContain((await computer.CookiesAsync()), c => c.Name == "medborgare.svar");
        }

        // The code is used: a third try is refused with a clear message.
        await using (var again = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript }))
        {
            var page = await again.NewPageAsync();
            await page.GotoAsync($"{Web}/svara");
            await page.GetByLabel("Din kod").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" }).ClickAsync();
            await Expect(page.Locator("#code-error")).ToContainTextAsync("redan inskickade");
            await Expect(page).ToHaveURLAsync(new Regex("/svara$"));
        }

        // The response reached Analysis through Collection's outbox and RabbitMQ.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await survey.RespondentsAsync(fixture) <= respondentsBefore && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await survey.RespondentsAsync(fixture) > respondentsBefore, "Analysis never counted the submitted response.");
    }

    [Fact]
    public async Task Typos_are_caught_before_any_lookup_and_refusals_are_explained()
    {
        var survey = await ResidentSurvey.GetAsync(fixture);
        var code = survey.TakeCode();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Web}/svara");
        var field = page.GetByLabel("Din kod");
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" });

        // One symbol wrong: the check character catches it.
        var last = code[^1];
        var typo = code[..^1] + InvitationCode.Alphabet.First(c => c != last);
        await field.FillAsync(typo);
        await start.ClickAsync();
        await Expect(page.Locator("#code-error")).ToContainTextAsync("felskriven");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", new Regex("code-error"));
        await Expect(page.Locator(".error-summary a")).ToHaveAttributeAsync("href", "/svara#code");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await AssertNoAxeViolationsAsync(page);

        await field.FillAsync("K7QMX-4XTR9");   // 10 symbols
        await start.ClickAsync();
        await Expect(page.Locator("#code-error")).ToContainTextAsync("ska ha 15 tecken, men du har skrivit 10");

        await field.FillAsync("K7QMX-4XTR9-PHWO2");
        await start.ClickAsync();
        await Expect(page.Locator("#code-error")).ToContainTextAsync("aldrig 0, 1, O, I eller L");

        // A well-formed code that was never issued: looked up, and refused without saying more.
        await field.FillAsync(InvitationCode.Generate());
        await start.ClickAsync();
        await Expect(page.Locator("#code-error")).ToContainTextAsync("Vi hittar ingen enkät med den koden");

        // The letter's link carries the code and opens the first page at once.
        await page.GotoAsync($"{Web}/svara?kod={code.Replace("-", "")}");
        await ExpectPageAsync(page, 1);
        await Expect(page.Locator("h1")).ToHaveTextAsync(survey.Title);
    }

    [Fact]
    public async Task A_resident_can_answer_in_english()
    {
        var survey = await ResidentSurvey.GetAsync(fixture);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Web}/svara");

        await page.GetByLabel("Språk").SelectOptionAsync("en-GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Answer the citizen survey");
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("Your code").FillAsync(survey.TakeCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Start answering" }).ClickAsync();
        await ExpectPageAsync(page, 1);
        await Expect(page.Locator("h1")).ToHaveTextAsync(survey.EnglishTitle);
        await Expect(page.Locator("#q-bakgrund-barn-forskola legend")).ToHaveTextAsync("Are there children in your household who attend preschool?");
        await Expect(page.Locator(".survey-progress label")).ToContainTextAsync("Page 1 of");
        await AssertNoAxeViolationsAsync(page);
        await NextAsync(page, 2);
        await Expect(page.Locator("#q-nri-bostader-utbud-vet-ej + label")).ToHaveTextAsync("Don't know / no opinion");
        await AssertNoAxeViolationsAsync(page);

        await page.GotoAsync($"{Web}/synpunkter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Give feedback");
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Feedback_without_javascript_explains_each_error_at_its_field_and_masks_a_personal_identity_number()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Web}/synpunkter");
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Skicka synpunkten" });

        await send.ClickAsync();
        await Expect(page.Locator("#category-error")).ToContainTextAsync("Välj vad du vill lämna");
        await Expect(page.Locator("#feedback-text-error")).ToHaveTextAsync("Fel: Skriv din synpunkt.");
        await Expect(page.Locator(".error-summary a")).ToHaveCountAsync(2);
        await Expect(page.Locator("#feedback-text")).ToHaveAttributeAsync("aria-invalid", "true");

        // Contact details need the consent, and the consent needs contact details.
        await page.GetByLabel("Förslag").CheckAsync();
        await page.GetByLabel("Din synpunkt").FillAsync("Gatlampan på Storgatan är trasig.");
        await page.GetByLabel("E-postadress").FillAsync("anna@example.se");
        await send.ClickAsync();
        await Expect(page.Locator("#contact-consent-error")).ToContainTextAsync("Kryssa i rutan");
        await Expect(page.Locator(".error-summary a")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Förslag")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Din synpunkt")).ToHaveValueAsync("Gatlampan på Storgatan är trasig.");

        await page.GetByLabel("E-postadress").FillAsync("");
        await page.GetByLabel("Jag samtycker", new() { Exact = false }).CheckAsync();
        await send.ClickAsync();
        await Expect(page.Locator("#contact-consent-error")).ToContainTextAsync("inte skrivit några kontaktuppgifter");

        await page.GetByLabel("Jag samtycker", new() { Exact = false }).UncheckAsync();
        await page.GetByLabel("Livsmiljö", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Kommundel eller plats (frivilligt)").FillAsync("Centrum");
        await page.GetByLabel("Din synpunkt").FillAsync("Jag heter Anna, personnummer 19811218-9876. Gatlampan på Storgatan är trasig.");
        await send.ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för din synpunkt!");
        var saved = page.Locator(".feedback-saved");
        await Expect(saved).ToContainTextAsync("Gatlampan på Storgatan är trasig.");
        Assert.DoesNotContain("19811218-9876", await saved.InnerTextAsync());
        Assert.DoesNotContain("9876", await saved.InnerTextAsync());
        await Expect(page.Locator("main")).ToContainTextAsync("du får inget svar");
    }

    [Fact]
    public async Task Feedback_pages_pass_axe_with_errors_and_after_sending_with_consented_contact_details()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Web}/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lämna en synpunkt" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/synpunkter$"));
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka synpunkten" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("Beröm").CheckAsync();
        await page.GetByLabel("Din synpunkt").FillAsync("Biblioteket i Centrum har fantastisk personal. Ring mig gärna på 070-123 45 67.");
        await page.GetByLabel("Namn").FillAsync("Anna Andersson");
        await page.GetByLabel("Telefonnummer").FillAsync("070-123 45 67");
        await page.GetByLabel("Jag samtycker", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka synpunkten" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för din synpunkt!");
        await Expect(page.Locator("main")).ToContainTextAsync("vi hör av oss");
        Assert.DoesNotContain("123 45 67", await page.Locator(".feedback-saved").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task At_360_px_the_start_page_and_a_questionnaire_page_fit_the_screen_with_large_touch_targets()
    {
        var survey = await ResidentSurvey.GetAsync(fixture);
        var folder = Path.Combine(Medborgare.Testing.TestServers.RepositoryRoot(), ".medborgare", "screenshots");
        Directory.CreateDirectory(folder);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, DeviceScaleFactor = 1 });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Web}/svara");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "resident-start-360.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(page), "The start page scrolls sideways at 360 px.");

        await page.GetByLabel("Din kod").FillAsync(survey.TakeCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" }).ClickAsync();
        await ExpectPageAsync(page, 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "resident-page-1-360.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(page), "The first page scrolls sideways at 360 px.");
        await NextAsync(page, 2);
        await ChooseAsync(page, "nri.bostader.utbud", 6);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "resident-page-2-360.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(page), "The scale page scrolls sideways at 360 px.");

        // Ten scale options: two rows of five, each a box of at least 44 × 44 px.
        var options = page.Locator("#q-nri-bostader-utbud .scale-option");
        var first = (await options.Nth(0).BoundingBoxAsync())!;
        var sixth = (await options.Nth(5).BoundingBoxAsync())!;
        Assert.True(first.Width >= 44 && first.Height >= 44, $"A scale option is {first.Width} × {first.Height} px.");
        Assert.Equal(first.X, sixth.X, 1);
        Assert.True(sixth.Y > first.Y);
    }

    static async Task<bool> FitsWidthAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    static async Task ExpectPageAsync(IPage page, int number) =>
        await Expect(page).ToHaveURLAsync(new Regex($"/svara/enkat\\?sida={number}$"));

    /// <summary>Picks an option of a scale or choice question by its position, by its label, as a resident does.</summary>
    static async Task ChooseAsync(IPage page, string questionKey, int option) =>
        await page.Locator($"label[for='q-{questionKey.Replace('.', '-')}-{option}']").ClickAsync();

    static async Task NextAsync(IPage page, int expectedPage)
    {
        await page.Locator("button[name=go][value=next]").ClickAsync();
        await ExpectPageAsync(page, expectedPage);
    }

    static Task AssertNoAxeViolationsAsync(IPage page) => Axe.AssertNoViolationsAsync(page);
}
