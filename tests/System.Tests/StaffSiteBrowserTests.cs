using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>The staff site in a real Chromium against the whole app: log in as the printed admin, see health, pass axe.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class StaffSiteBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task The_printed_administrator_logs_in_and_sees_every_service_healthy()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Web}/personal");
        Assert.Contains("/konto/logga-in", page.Url);
        await page.GetByLabel("E-postadress").FillAsync("admin@medborgare.local");
        await page.GetByLabel("Lösenord").FillAsync(fixture.AdministratorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/personal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Personalens startsida");
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/admin/halsa");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        Assert.Equal(4, await rows.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Frisk", await rows.Nth(i).InnerTextAsync());
        }
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{Web}/konto/logga-in");

        await page.GetByLabel("E-postadress").FillAsync("admin@medborgare.local");
        await page.GetByLabel("Lösenord").FillAsync("wrong-password-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("fel");
        await page.GotoAsync($"{Web}/personal");
        Assert.Contains("/konto/logga-in", page.Url);
    }

    [Fact]
    public async Task Empty_login_fields_are_explained_next_to_each_field()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{Web}/konto/logga-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#email-error")).ToHaveTextAsync("Ange din e-postadress.");
        await Assertions.Expect(page.Locator("#password-error")).ToHaveTextAsync("Ange ditt lösenord.");
        Assert.Equal(2, await page.Locator(".error-summary a").CountAsync());
        await AssertNoAxeViolationsAsync(page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/konto/logga-in")]
    [InlineData("/tillganglighet")]
    [InlineData("/synpunkter/arende")]
    [InlineData("/du-sa-vi-gjorde")]
    [InlineData("/du-sa-vi-gjorde/livsmiljo")]
    public async Task Public_pages_are_swedish_by_default_and_pass_axe(string path)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{Web}{path}");

        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task Choosing_english_switches_the_language_and_lang_attribute()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{Web}/");

        await page.GetByLabel("Språk").SelectOptionAsync("en-GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");
        await AssertNoAxeViolationsAsync(page);
    }

    static Task AssertNoAxeViolationsAsync(IPage page) => Axe.AssertNoViolationsAsync(page);
}
