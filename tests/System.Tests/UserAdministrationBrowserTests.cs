using Medborgare.ServiceDefaults;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// The administrator manages staff accounts in a real Chromium with JavaScript off: mistakes explained at their fields,
/// a new politician's one-time password that works, roles that decide what the person reaches, a reset, a deletion.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class UserAdministrationBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task An_administrator_creates_a_politician_who_logs_in_with_the_one_time_password_and_reaches_only_politician_pages()
    {
        var email = $"ledamot-{Guid.NewGuid():N}"[..20] + "@kommun.example";
        await using var adminContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var admin = await adminContext.NewPageAsync();
        await LogInAsync(admin, "admin@medborgare.local", fixture.AdministratorPassword);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Användare" }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync($"{Web}/admin/anvandare");
        await Axe.AssertNoViolationsAsync(admin);

        // Nothing filled in: both mistakes are explained at their fields and in the summary, and no account appears.
        var form = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "Nytt konto" }) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#new-email-error")).ToContainTextAsync("Ange din e-postadress.");
        await Assertions.Expect(admin.Locator("#new-role-Admin-error")).ToContainTextAsync("Välj minst en roll.");
        await Assertions.Expect(admin.Locator(".error-summary a")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(admin);

        await form.GetByLabel("E-postadress").FillAsync(email);
        await form.GetByLabel("Namn").FillAsync("Lena Ledamot");
        await form.GetByLabel("Förtroendevald").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Skapa kontot" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Kontot för {email} är skapat.");
        var password = (await admin.Locator("#one-time-password").InnerTextAsync()).Trim();
        Assert.Equal(20, password.Length);
        var row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
        await Assertions.Expect(row).ToContainTextAsync("Förtroendevald");

        // The password is shown once: opening the page again does not show it.
        await admin.GotoAsync($"{Web}/admin/anvandare");
        await Assertions.Expect(admin.Locator("#one-time-password")).ToHaveCountAsync(0);

        // The politician logs in and reaches the goal areas but not the analyst's or the administrator's pages.
        await using (var politicianContext = await browser.NewContextAsync(new() { JavaScriptEnabled = false }))
        {
            var politician = await politicianContext.NewPageAsync();
            await LogInAsync(politician, email, password);
            var menu = politician.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Målområden" })).ToHaveCountAsync(1);
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Enkäter" })).ToHaveCountAsync(0);
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Användare" })).ToHaveCountAsync(0);
            await politician.GotoAsync($"{Web}/admin/anvandare");
            Assert.DoesNotContain("/admin/anvandare", new Uri(politician.Url).AbsolutePath);
            await politician.GotoAsync($"{Web}/analys/enkater");
            Assert.DoesNotContain("/analys/enkater", new Uri(politician.Url).AbsolutePath);
        }

        // A new password replaces the old one.
        row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Nytt lösenord {email}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{email} har fått ett nytt lösenord.");
        var newPassword = (await admin.Locator("#one-time-password").InnerTextAsync()).Trim();
        Assert.NotEqual(password, newPassword);
        await using (var again = await browser.NewContextAsync(new() { JavaScriptEnabled = false }))
        {
            var page = await again.NewPageAsync();
            await page.GotoAsync($"{Web}/konto/logga-in");
            await page.GetByLabel("E-postadress").FillAsync(email);
            await page.GetByLabel("Lösenord").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await LogInAsync(page, email, newPassword);
        }

        // An administrator cannot delete their own account; the politician's account can be deleted.
        var own = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = "admin@medborgare.local" }) });
        await own.GetByRole(AriaRole.Button, new() { Name = "Ta bort admin@medborgare.local" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Du kan inte ta bort ditt eget konto.");
        row = admin.Locator("tbody tr", new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = email }) });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Ta bort {email}" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Kontot för {email} är borttaget.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Rowheader, new() { Name = email })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(admin);
    }

    async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync($"{Web}/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/personal");
    }
}
