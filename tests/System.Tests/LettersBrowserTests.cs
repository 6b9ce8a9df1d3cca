using System.Text;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// Printable letters for a sample of any size, in a real Chromium with JavaScript off against the whole app: the letters come in
/// batches of 200, one page of the app each, reached by labelled links; a batch prints to a PDF with one sheet per letter.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed partial class LettersBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const int Sample = 450;

    string Web => fixture.Url(ResourceNames.Web);

    // A page object of the PDF (not the /Pages tree): Chromium writes them uncompressed.
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task The_letters_of_a_large_sample_come_in_batches_of_200_and_each_batch_prints_one_letter_per_sheet()
    {
        var year = await fixture.UnusedYearAsync();
        var (id, codes) = await ResultsSurveySetup.IssueAsync(fixture, year, frame: 3000, sample: Sample, seed: year);
        Assert.Equal(Sample, codes.Count);

        await using var noScript = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await noScript.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(page);
        await page.GotoAsync($"{Web}/analys/enkater/{id}/brev");

        // The first batch: 200 letters from the configured municipality, and links to every batch.
        await Assertions.Expect(page.Locator("article.letter")).ToHaveCountAsync(200);
        await Assertions.Expect(page.Locator("#letters-batch")).ToContainTextAsync("Sida 1 av 3: brev 1–200");
        await Assertions.Expect(page.Locator(".letter-sender").First).ToHaveTextAsync("Älvsala kommun");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "Omgångar av brev" });
        await Assertions.Expect(pager.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Brev 1–200", "Brev 201–400", "Brev 401–450", "Nästa omgång"]);
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Brev 1–200" })).ToHaveAttributeAsync("aria-current", "page");

        // It prints one letter per sheet: 200 sheets.
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.Equal(200, PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count);

        // The last batch, by keyboard: the link takes focus and Enter follows it.
        var last = pager.GetByRole(AriaRole.Link, new() { Name = "Brev 401–450" });
        await last.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/enkater/{id}/brev?lang=sv&sida=3");
        await Assertions.Expect(page.Locator("article.letter")).ToHaveCountAsync(Sample - 400);
        await Assertions.Expect(page.Locator("#letters-batch")).ToContainTextAsync("Sida 3 av 3: brev 401–450");
        await Assertions.Expect(pager.GetByRole(AriaRole.Link).First).ToHaveTextAsync("Föregående omgång");
        var shown = (await page.Locator(".letter-code").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(codes.Skip(400).Order(), shown.Order());
        pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.Equal(Sample - 400, PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count);
        await Axe.AssertNoViolationsAsync(page);

        // In English the batch stays the same.
        await page.GetByRole(AriaRole.Link, new() { Name = "Letters in English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/enkater/{id}/brev?lang=en&sida=3");
        await Assertions.Expect(page.Locator("article.letter[lang=en]")).ToHaveCountAsync(Sample - 400);
    }
}
