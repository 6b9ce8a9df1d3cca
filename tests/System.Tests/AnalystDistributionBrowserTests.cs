using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.Playwright;

namespace Medborgare.SystemTests;

/// <summary>
/// The analyst's survey distribution in a real Chromium against the whole app: create a survey, a synthetic frame, a sample
/// and invitations through the staff pages, download the print file, open the letters, and pass axe on every page.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed partial class AnalystDistributionBrowserTests(WholeAppFixture fixture) : BrowserTest
{
    const string PrintFileHeader = "namn;adress;postnummer;ort;kod;webbadress;kommun";

    string Web => fixture.Url(ResourceNames.Web);

    [GeneratedRegex("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$")]
    private static partial Regex CodePattern();

    [Fact]
    public async Task An_analyst_creates_a_survey_draws_a_sample_issues_invitations_and_gets_the_print_file_and_letters()
    {
        var year = await fixture.UnusedYearAsync();
        var page = await browser.NewPageAsync();
        await LogInAsync(page);

        // The survey list, reached from the staff navigation.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Enkäter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/enkater");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enkäter");
        await AssertNoAxeViolationsAsync(page);

        // Create this year's survey from the standard questionnaire.
        await page.GetByLabel("År", new() { Exact = true }).FillAsync(year.ToString());
        await page.GetByLabel("Titel på svenska").FillAsync($"Medborgarundersökning {year}");
        await page.GetByLabel("Titel på engelska (frivillig)").FillAsync($"Citizen survey {year}");
        await page.GetByLabel("Standardenkäten (NRI, NMI, NII)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa enkäten" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/analys/enkater/[0-9a-f-]{36}\?klart=skapad"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Medborgarundersökning {year}");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Utkast");
        await Assertions.Expect(page.Locator("#enkaten")).ToContainTextAsync("10 avsnitt");
        var surveyUrl = page.Url.Split('?')[0];

        // A synthetic frame of 2000 persons.
        var frame = page.Locator("#urvalsram");
        await frame.GetByLabel("Antal personer").FillAsync("2000");
        await frame.GetByLabel("Frö (frivilligt)").FillAsync("2031");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Skapa ramen" }).ClickAsync();
        await Assertions.Expect(frame.GetByRole(AriaRole.Status)).ToContainTextAsync("En syntetisk urvalsram");
        await Assertions.Expect(frame.GetByRole(AriaRole.Table)).ToContainTextAsync("Kvinnor");

        // A proportional sample of 60 with a recorded seed (small, so that axe reads all the letters in reasonable time).
        var sample = page.Locator("#urval");
        await sample.GetByLabel("Proportionell: varje distrikt i proportion till sin storlek").CheckAsync();
        await sample.GetByLabel("Urvalsstorlek").FillAsync("60");
        await sample.GetByLabel("Frö (frivilligt)").FillAsync("424242");
        await sample.GetByRole(AriaRole.Button, new() { Name = "Dra urvalet" }).ClickAsync();
        await Assertions.Expect(sample.GetByRole(AriaRole.Status)).ToHaveTextAsync("Urvalet är draget.");
        await Assertions.Expect(sample.Locator("#sample-seed-value")).ToHaveTextAsync("424242");
        await Assertions.Expect(sample.Locator("tfoot td").Last).ToHaveTextAsync("60");

        // One code per sampled person.
        var invitations = page.Locator("#utskick");
        await invitations.GetByRole(AriaRole.Button, new() { Name = "Skapa inbjudningar (60)" }).ClickAsync();
        await Assertions.Expect(invitations.GetByRole(AriaRole.Status)).ToContainTextAsync("Inbjudningarna är skapade.");
        await Assertions.Expect(page.Locator("#svarsfrekvens svg[role=img]")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(page);

        // The print file, downloaded through the web app with the analyst's token.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            invitations.GetByRole(AriaRole.Link, new() { Name = "Ladda ned utskicksfilen till tryckeriet (CSV)" }).ClickAsync());
        Assert.Equal($"utskick-{year}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "the print file starts with a UTF-8 BOM");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PrintFileHeader, lines[0]);
        var codes = lines.Skip(1).Select(line => line.Split(';')[4]).ToList();
        Assert.Equal(60, codes.Count);
        Assert.All(codes, code => Assert.Matches(CodePattern(), code));
        Assert.Equal(60, codes.Distinct().Count());
        // Each letter's address is this web app's /svara (the AppHost hands Distribution the web app's endpoint), with the code.
        Assert.All(lines.Skip(1), line =>
        {
            var fields = line.Split(';');
            var address = new Uri(fields[5]);
            Assert.Equal((new Uri(Web).Port, "/svara", $"?kod={fields[4].Replace("-", "")}"), (address.Port, address.AbsolutePath, address.Query));
            Assert.True(address.IsLoopback, address.ToString());
        });

        // The printable letters: one per person, with the same codes.
        await invitations.GetByRole(AriaRole.Link, new() { Name = "Öppna breven för utskrift" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{surveyUrl}/brev");
        await Assertions.Expect(page.Locator("article.letter")).ToHaveCountAsync(60);
        Assert.Equal(codes.Order(), (await page.Locator(".letter-code").AllInnerTextsAsync()).Select(c => c.Trim()).Order());
        await Assertions.Expect(page.Locator("article.letter").First).ToContainTextAsync("Dina svar är anonyma");
        await AssertNoAxeViolationsAsync(page);

        // On a phone the survey page reflows: nothing sticks out sideways.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync(surveyUrl);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Medborgarundersökning {year}");
        await SaveScreenshotsAsync(page);
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
                .map(e => `${e.tagName.toLowerCase()}#${e.id}.${e.className?.baseVal ?? e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """);
        Assert.True(overflowing.Length == 0, "at 360 px these stick out sideways: " + string.Join(", ", overflowing));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the survey page scrolls sideways at 360 px");
        await AssertNoAxeViolationsAsync(page);
    }

    /// <summary>For a person to look at: the whole page, and screen-sized slices of it, when MEDBORGARE_SCREENSHOT names a file.</summary>
    static async Task SaveScreenshotsAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("MEDBORGARE_SCREENSHOT") is not { Length: > 0 } path) return;
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var viewport = page.ViewportSize!;
        for (var (top, slice) = (0, 1); top < height; top += viewport.Height, slice++)
        {
            await page.ScreenshotAsync(new()
            {
                Path = Path.ChangeExtension(path, $".{slice}.png"), FullPage = true,
                Clip = new() { X = 0, Y = top, Width = viewport.Width, Height = Math.Min(viewport.Height, height - top) },
            });
        }
    }

    [Fact]
    public async Task A_malformed_frame_file_is_listed_by_line_and_nothing_is_stored()
    {
        var year = await fixture.UnusedYearAsync();
        using var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var created = await distribution.PostAsJsonAsync("/api/surveys", new { year, titleSv = $"Felaktig ram {year}" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var file = Path.Combine(Path.GetTempPath(), $"ram-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "id;namn;adress;postnummer;ort;fodd;kon;distrikt\n" +
            "X-1;Anna Andersson;Storgatan 1;735 30;Älvsala;1980;K;Centrum\n" +
            "X-2;Bo Berg;Storgatan 2;73X 30;Älvsala;1975;M;Centrum\n" +
            "X-3;Cecilia Ek;Storgatan 3;735 30;Älvsala;1990;K;Norra\n", new UTF8Encoding(false));
        try
        {
            var page = await browser.NewPageAsync();
            await LogInAsync(page);
            await page.GotoAsync($"{Web}/analys/enkater/{id}");

            var frame = page.Locator("#urvalsram");
            await frame.GetByLabel("CSV-fil").SetInputFilesAsync(file);
            await frame.GetByRole(AriaRole.Button, new() { Name = "Ladda upp ramen" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?ramfel=[0-9a-f]{32}#urvalsram$"));
            await Assertions.Expect(frame.GetByRole(AriaRole.Alert)).ToContainTextAsync("har inte sparats");
            var errors = frame.GetByRole(AriaRole.Table, new() { Name = "Fel i filen" });
            await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(errors.Locator("tbody tr td").Nth(0)).ToHaveTextAsync("3");
            await Assertions.Expect(errors.Locator("tbody tr td").Nth(1)).ToHaveTextAsync("postnummer");
            // The web app's own text for the error's code, with the value from the file.
            await Assertions.Expect(errors.Locator("tbody tr td").Nth(2)).ToContainTextAsync("Postnumret ska vara fem siffror");
            await Assertions.Expect(errors.Locator("tbody tr td").Nth(2)).ToContainTextAsync("73X 30");
            await Assertions.Expect(frame).ToContainTextAsync("Det finns ingen urvalsram ännu.");
            await AssertNoAxeViolationsAsync(page);

            var summary = await distribution.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/frame");
            Assert.Equal(0, summary.GetProperty("persons").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_javascript_an_analyst_publishes_reminds_closes_and_purges()
    {
        var year = await fixture.UnusedYearAsync();
        using var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var id = await SurveyWithInvitationsAsync(distribution, year);
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await LogInAsync(page);

        // The create form explains each mistake next to its field and in a summary that links to it.
        await page.GotoAsync($"{Web}/analys/enkater");
        await page.GetByLabel("År", new() { Exact = true }).FillAsync("tjugo");
        await page.GetByLabel("Titel på svenska").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa enkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#year-error")).ToContainTextAsync("Ange året med fyra siffror");
        await Assertions.Expect(page.Locator("#titleSv-error")).ToContainTextAsync("Ange en svensk titel.");
        await Assertions.Expect(page.Locator(".error-summary a")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("År", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoAxeViolationsAsync(page);

        await page.GotoAsync($"{Web}/analys/enkater/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera enkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#enkaten").GetByRole(AriaRole.Status)).ToHaveTextAsync("Enkäten är publicerad och öppen för svar.");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Öppen för svar");

        // A reminder round goes to everyone who has not answered: here all 50.
        var rate = page.Locator("#svarsfrekvens");
        await rate.GetByRole(AriaRole.Button, new() { Name = "Starta påminnelseomgång 1" }).ClickAsync();
        await Assertions.Expect(rate.GetByRole(AriaRole.Status)).ToContainTextAsync("Påminnelseomgång 1 är startad.");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            rate.GetByRole(AriaRole.Link, new() { Name = "Ladda ned utskicksfilen för påminnelse 1 (CSV)" }).ClickAsync());
        Assert.Equal($"paminnelse-1-{year}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PrintFileHeader, lines[0].TrimStart('\uFEFF'));
        Assert.Equal(50, lines.Length - 1);

        // The service's validation message is shown at the field that caused it.
        var close = page.Locator("#avsluta");
        await close.GetByLabel("Gallringsfrist i dagar").FillAsync("-5");
        await close.GetByRole(AriaRole.Button, new() { Name = "Stäng enkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#retention-days-error")).ToContainTextAsync("Gallringsfristen är 0–3650 dagar.");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Öppen för svar");

        await page.Locator("#avsluta").GetByLabel("Gallringsfrist i dagar").FillAsync("0");
        await page.Locator("#avsluta").GetByRole(AriaRole.Button, new() { Name = "Stäng enkäten" }).ClickAsync();
        await Assertions.Expect(close.GetByRole(AriaRole.Status)).ToHaveTextAsync("Enkäten är stängd för svar.");
        await Assertions.Expect(close).ToContainTextAsync("Personuppgifterna gallras");

        await close.GetByRole(AriaRole.Button, new() { Name = "Gallra nu" }).ClickAsync();
        await Assertions.Expect(close.GetByRole(AriaRole.Status)).ToHaveTextAsync("Personuppgifterna är gallrade.");
        await Assertions.Expect(close).ToContainTextAsync("Personuppgifterna gallrades");
        await Assertions.Expect(page.Locator("#utskick")).ToContainTextAsync("utskicksfil och brev finns inte längre");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Öppna breven för utskrift" })).ToHaveCountAsync(0);
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task An_analyst_edits_the_questionnaire_and_every_problem_is_listed_before_anything_is_saved()
    {
        var year = await fixture.UnusedYearAsync();
        using var distribution = fixture.StaffClient(ResourceNames.Distribution, StaffRoles.Analyst);
        var created = await distribution.PostAsJsonAsync("/api/surveys", new { year, titleSv = $"Redigerad {year}" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await LogInAsync(page);

        await page.GotoAsync($"{Web}/analys/enkater/{id}#enkaten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Visa och ändra frågeformuläret" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/enkater/{id}/enkat");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Index och faktorer med de frågor de bygger på" })).ToContainTextAsync("NMI");
        await AssertNoAxeViolationsAsync(page);

        // Two problems at once: the second question takes the first one's key, and an index names a question that does not exist.
        var editor = page.GetByLabel("Frågeformuläret som JSON");
        var original = await editor.InputValueAsync();
        var questionnaire = JsonNode.Parse(original)!;
        var questions = questionnaire["sections"]![0]!["questions"]!.AsArray();
        var firstKey = questions[0]!["key"]!.GetValue<string>();
        questions[1]!["key"] = firstKey;
        questionnaire["indices"]![0]!["itemKeys"]!.AsArray().Add("finns-inte");
        await editor.FillAsync(questionnaire.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        var errors = page.Locator("#json-error li");
        await Assertions.Expect(page.Locator("#json-error")).ToContainTextAsync(firstKey);
        var listed = await errors.CountAsync();
        Assert.True(listed >= 2, $"both problems are listed, found {listed}");
        await Assertions.Expect(page.Locator("#json-error")).ToContainTextAsync("finns-inte");
        await Assertions.Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".error-summary a")).ToHaveCountAsync(listed);
        await AssertNoAxeViolationsAsync(page);

        // Saving the same text is refused too, and the stored questionnaire is unchanged.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara frågeformuläret" }).ClickAsync();
        await Assertions.Expect(errors).ToHaveCountAsync(listed);
        var stored = await distribution.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/questionnaire");
        Assert.NotEqual(firstKey, stored.GetProperty("sections")[0].GetProperty("questions")[1].GetProperty("key").GetString());

        // Text that is not JSON is caught with its line.
        await editor.FillAsync("{\n  \"title\": ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Assertions.Expect(page.Locator("#json-error")).ToContainTextAsync("inte giltig JSON (rad 2");

        // A valid change: a new Swedish title is saved, and shows on the survey.
        var renamed = JsonNode.Parse(original)!;
        renamed["title"]!["sv"] = $"Ny titel {year}";
        await editor.FillAsync(renamed.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Frågeformuläret är giltigt. Inget är sparat ännu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara frågeformuläret" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Frågeformuläret är sparat.");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Ny titel {year}");
        var survey = await distribution.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}");
        Assert.Equal($"Ny titel {year}", survey.GetProperty("titleSv").GetString());
    }

    /// <summary>A draft survey with a synthetic frame of 500, a sample of 50 and its invitations, made through Distribution's API.</summary>
    static async Task<Guid> SurveyWithInvitationsAsync(HttpClient distribution, int year)
    {
        var created = await distribution.PostAsJsonAsync("/api/surveys", new { year, titleSv = $"Utan skript {year}" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await distribution.PostAsJsonAsync($"/api/surveys/{id}/frame/synthetic", new { count = 500, seed = 7 })).EnsureSuccessStatusCode();
        (await distribution.PostAsJsonAsync($"/api/surveys/{id}/sample", new { allocation = "Proportional", size = 50, seed = 7 })).EnsureSuccessStatusCode();
        (await distribution.PostAsync($"/api/surveys/{id}/invitations", null)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task An_analyst_keys_in_a_paper_questionnaire_without_javascript_and_a_code_counts_once()
    {
        var survey = await ResidentSurvey.GetAsync(fixture);
        var code = survey.TakeCode();
        var before = await survey.RespondentsAsync(fixture);
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await LogInAsync(page);

        // Reached from the survey's response rate.
        await page.GotoAsync($"{Web}/analys/enkater/{survey.Id}#svarsfrekvens");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mata in pappersenkäter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Web}/analys/enkater/{survey.Id}/pappersenkat");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mata in pappersenkäter");
        await Assertions.Expect(page.Locator("#q-nri-helhet-nojd legend")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // A code copied with one wrong character: caught by the check character, explained at the field, answers kept.
        var typo = code[..^1] + (code[^1] == '2' ? '3' : '2');
        await page.GetByLabel("Koden på pappersenkäten").FillAsync(typo);
        await page.Locator("label[for='q-nri-helhet-nojd-7']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera pappersenkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paper-code-error")).ToContainTextAsync("felskriven");
        await Assertions.Expect(page.Locator(".error-summary a[href$='#paper-code']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("Koden på pappersenkäten")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#q-nri-helhet-nojd-7")).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(page);

        // The right code: registered with a receipt, and the form is empty for the next questionnaire.
        await page.GetByLabel("Koden på pappersenkäten").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera pappersenkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paper-registered")).ToContainTextAsync(new Regex("kvitto M-[0-9A-Z]{8}"));
        await Assertions.Expect(page.Locator("#q-nri-helhet-nojd-7")).Not.ToBeCheckedAsync();
        await Eventually.TrueAsync(async () => await survey.RespondentsAsync(fixture) == before + 1, TimeSpan.FromSeconds(60),
            "Analysis counting the paper questionnaire");

        // The same code again: refused at the field, nothing counted twice.
        await page.GetByLabel("Koden på pappersenkäten").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera pappersenkäten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paper-code-error")).ToContainTextAsync("redan använd");
        await Task.Delay(1000);
        Assert.Equal(before + 1, await survey.RespondentsAsync(fixture));
    }

    Task LogInAsync(IPage page) => fixture.LogInAsAdministratorAsync(page);

    static Task AssertNoAxeViolationsAsync(IPage page) => Axe.AssertNoViolationsAsync(page);
}
