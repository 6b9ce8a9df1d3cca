using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Medborgare.Distribution.Frames;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Medborgare.SystemTests;

/// <summary>
/// The whole journey across the app's processes, in Chromium where people act: an analyst creates this year's survey from
/// the standard questionnaire, imports a population frame, draws the sample and issues invitations; residents answer with
/// the codes from the print file (one in the browser, the rest through the public API); the analyst publishes; a politician
/// opens the goal area and sees the new value, its CI and the significance against last year. The analyst keeps the published
/// results current, so a late resident's answer in the browser reaches the politicians' figures: every service exports its
/// spans over OTLP, and the test follows that answer in one trace from the web app's form post to FollowUp's update.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class WholeJourneyTests(WholeAppFixture fixture) : BrowserTest
{
    const int FrameSize = 1500, SampleSize = 400, Respondents = 140;
    const string Indicator = "Nöjd-Medborgar-Index enligt invånarna";
    static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    string Web => fixture.Url(ResourceNames.Web);

    [Fact]
    public async Task A_survey_goes_from_the_analyst_through_residents_to_the_politicians_goal_area_in_one_traced_path()
    {
        // Last year, as the municipality already has it: a survey answered and published (through the APIs).
        var year = await fixture.UnusedYearAsync(consecutive: 2);
        var lastYear = await ResultsSurveySetup.CreateAsync(fixture, year - 1, frame: FrameSize, sample: SampleSize, Respondents, seed: year - 1);
        using (var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst))
            (await analysis.PostAsync($"/api/surveys/{lastYear.Id}/results/publish", null)).EnsureSuccessStatusCode();
        var (areaId, areaTitle) = await CreateGoalAreaAsync(year);

        var page = await browser.NewPageAsync();
        await fixture.LogInAsAdministratorAsync(page);

        // 1. The analyst creates this year's survey from the standard questionnaire and opens it for answers.
        await page.GotoAsync($"{Web}/analys/enkater");
        await page.GetByLabel("År", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Titel på svenska").FillAsync($"Medborgarundersökning {year}");
        await page.GetByLabel("Standardenkäten (NRI, NMI, NII)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa enkäten" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/analys/enkater/[0-9a-f-]{36}\?klart=skapad"));
        var surveyUrl = page.Url.Split('?')[0];
        var surveyId = Guid.Parse(surveyUrl.Split('/')[^1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publicera enkäten" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Öppen för svar");

        // The population register's extract, imported as a file.
        var frameFile = Path.Combine(Path.GetTempPath(), $"ram-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(frameFile, false, new UTF8Encoding(false)))
            SyntheticFrameGenerator.WriteCsv(SyntheticFrameGenerator.Generate(FrameSize, (ulong)year, year), writer);
        try
        {
            var frame = page.Locator("#urvalsram");
            await frame.GetByLabel("CSV-fil").SetInputFilesAsync(frameFile);
            await frame.GetByRole(AriaRole.Button, new() { Name = "Ladda upp ramen" }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"(ram|ramfel)="));
            Assert.True(!page.Url.Contains("ramfel=", StringComparison.Ordinal), "the frame was refused: " + await frame.InnerTextAsync()
                + "\nThe app's errors:\n" + string.Join("\n", fixture.LogText.Split('\n').Where(l => l.Contains("fail:") || l.Contains("warn:")).TakeLast(20)));
            await Expect(frame.GetByRole(AriaRole.Status)).ToContainTextAsync($"Urvalsramen har {FrameSize.ToString("N0", Swedish)} personer");
        }
        finally
        {
            File.Delete(frameFile);
        }

        // The sample, and one code per sampled person.
        var sample = page.Locator("#urval");
        await sample.GetByLabel("Proportionell: varje distrikt i proportion till sin storlek").CheckAsync();
        await sample.GetByLabel("Urvalsstorlek").FillAsync(SampleSize.ToString(CultureInfo.InvariantCulture));
        await sample.GetByRole(AriaRole.Button, new() { Name = "Dra urvalet" }).ClickAsync();
        await Expect(sample.GetByRole(AriaRole.Status)).ToHaveTextAsync("Urvalet är draget.");
        var invitations = page.Locator("#utskick");
        await invitations.GetByRole(AriaRole.Button, new() { Name = $"Skapa inbjudningar ({SampleSize})" }).ClickAsync();
        await Expect(invitations.GetByRole(AriaRole.Status)).ToContainTextAsync("Inbjudningarna är skapade.");

        // The print file, as the print house gets it: its codes are the residents' letters.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            invitations.GetByRole(AriaRole.Link, new() { Name = "Ladda ned utskicksfilen till tryckeriet (CSV)" }).ClickAsync());
        var printFile = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var codes = printFile.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(';')[4]).ToList();
        Assert.Equal(SampleSize, codes.Count);

        // 2. Residents answer through the public API, more satisfied than last year.
        await ResultsSurveySetup.AnswerAsync(fixture, surveyId, codes.Take(Respondents).ToList(), probe: codes[^1], seed: year, shift: 2,
            expectedRespondents: Respondents);

        // 3. The analyst publishes the year's results and keeps them current while late answers come in.
        await page.GotoAsync($"{Web}/analys/resultat/{surveyId}");
        await page.Locator("#publicera").GetByRole(AriaRole.Link, new() { Name = "Publicera resultaten" }).ClickAsync();
        await Expect(page.Locator("#publish-confirm-text")).ToContainTextAsync($"{Respondents} svarande");
        await page.GetByLabel("Håll de publicerade resultaten aktuella tills enkäten stängs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, publicera resultaten" }).ClickAsync();
        await Expect(page.Locator("#publicera").GetByRole(AriaRole.Status)).ToHaveTextAsync("Resultaten är publicerade.");
        await Expect(page.Locator("#keep-current-status")).ToBeVisibleAsync();

        // A late resident answers in the browser with the code from the letter: the published figures follow.
        await AnswerInTheBrowserAsync(codes[Respondents]);
        var submitTrace = await FindBrowserSubmitTraceAsync();
        using (var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst))
            await Eventually.TrueAsync(async () => (await analysis.GetFromJsonAsync<JsonElement>($"/api/surveys/{surveyId}/respondents"))
                .GetProperty("respondents").GetInt64() == Respondents + 1, what: "Analysis counts the browser resident's answer");

        // What the politician must see, worked out from Analysis's own figures for both years (DESIGN §6's comparison).
        var (now, then) = (await NmiAsync(surveyId), await NmiAsync(lastYear.Id));
        var difference = now.Value - then.Value;
        var significant = Math.Abs(difference) > 1.96 * Math.Sqrt(now.Se * now.Se + then.Se * then.Se);
        var wording = !significant ? "Ingen statistiskt säkerställd förändring jämfört med förra året"
            : difference > 0 ? "Statistiskt säkerställd ökning jämfört med förra året" : "Statistiskt säkerställd minskning jämfört med förra året";

        // 4. The politician opens the goal area: the new value (with the late answer), its CI and the significance in words.
        Assert.Equal(Respondents + 1, now.N);
        var seen = "";
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                await page.GotoAsync($"{Web}/mal/{areaId}?ar={year}");
                var shown = page.Locator("table.fu-citizen").First.Locator("tbody tr").Filter(new() { HasText = Indicator });
                seen = await shown.CountAsync() == 1 ? await shown.InnerTextAsync() : await page.Locator("main").InnerTextAsync();
                return seen.Contains($"n = {now.N}", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(60), "the goal area shows this year's value with the late answer");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The goal area does not show n = {now.N} for {year}. It shows:\n{seen}");
        }
        await Expect(page.Locator("h1")).ToContainTextAsync(areaTitle);
        var row = page.Locator("table.fu-citizen").First.Locator("tbody tr").Filter(new() { HasText = Indicator });
        await Expect(row.Locator("td").First).ToContainTextAsync(Number(now.Value));
        await Expect(row).ToContainTextAsync($"{Number(now.CiLow)}–{Number(now.CiHigh)}");
        await Expect(row).ToContainTextAsync(wording);
        await Expect(page.Locator("table.fu-priorities tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // 5. One trace from the resident's submit to the indicator update: the web app's form post, Collection's request and its
        // outbox message on RabbitMQ, Analysis counting the answer and republishing through its outbox, FollowUp's consumer.
        AssertSpan(submitTrace, ResourceNames.Web, ReceivedSpan.Client, "the web app's call to Collection");
        AssertSpan(submitTrace, ResourceNames.Collection, ReceivedSpan.Server, "Collection's submit request");
        AssertSpan(submitTrace, ResourceNames.Collection, ReceivedSpan.Producer, "the answer sent to RabbitMQ from Collection's outbox");
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(
                    Trace(submitTrace).Any(s => s.Service == ResourceNames.Analysis && s.Kind == ReceivedSpan.Consumer)
                    && Trace(submitTrace).Any(s => s.Service == ResourceNames.Analysis && s.Kind == ReceivedSpan.Producer)
                    && Trace(submitTrace).Any(s => s.Service == ResourceNames.FollowUp && s.Kind == ReceivedSpan.Consumer)),
                TimeSpan.FromSeconds(30), "Analysis and FollowUp in the resident's trace");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The resident's trace {submitTrace} does not reach FollowUp. Its spans:\n" + string.Join("\n", Trace(submitTrace)));
        }

        // 6. The operator sees the same trace in the Aspire dashboard, from the web app to FollowUp.
        var dashboard = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        await Dashboard.OpenAsync(dashboard, fixture);
        var shown = await Dashboard.TraceAsync(dashboard, fixture, submitTrace,
            [ResourceNames.Web, ResourceNames.Collection, ResourceNames.Analysis, ResourceNames.FollowUp]);
        var screenshots = Path.Combine(TestServers.RepositoryRoot(), ".medborgare", "screenshots");
        Directory.CreateDirectory(screenshots);
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-trace.png"), FullPage = false });
        // The broker hops, as the dashboard names them ("rabbitmq send …").
        Assert.Contains("rabbitmq send Medborgare.Contracts:SurveyResponsesSubmitted", shown, StringComparison.Ordinal);
        Assert.Contains("rabbitmq send Medborgare.Contracts:SurveyResultsPublished", shown, StringComparison.Ordinal);
    }

    /// <summary>A resident with a letter: the code, every page (answering the NMI questions where they come), review, submit, receipt.</summary>
    async Task AnswerInTheBrowserAsync(string code)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Web}/svara");
        await page.GetByLabel("Din kod").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Börja svara" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/svara/enkat\?sida=1$"));
        // Sections whose conditions leave nothing to ask (no children, no elderly care) are skipped, so pages are not consecutive.
        while (true)
        {
            foreach (var key in new[] { "nmi-helhet-nojd", "nmi-helhet-forvantningar", "nmi-helhet-ideal" })
            {
                var option = page.Locator($"label[for='q-{key}-7']");
                if (await option.CountAsync() > 0) await option.ClickAsync();
            }
            var next = page.Locator("button[name=go][value=next]");
            if ((await next.InnerTextAsync()).Contains("granska", StringComparison.Ordinal)) break;   // the last page
            var before = page.Url;
            await next.ClickAsync();
            await page.WaitForURLAsync(url => url != before && url.Contains("/svara/enkat?sida=", StringComparison.Ordinal));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara och granska svaren" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/svara/granska$"));
        await Expect(page.Locator("#svar-q-nmi-helhet-nojd dd")).ToHaveTextAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka in svaren" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tack för dina svar!");
    }

    /// <summary>
    /// The trace of the one submission that came through the web app (the API's submissions have no web span). Blazor handles the
    /// form post in a top-level span of its own, linked to the browser's HTTP request, and the call to Collection is its child.
    /// </summary>
    async Task<string> FindBrowserSubmitTraceAsync()
    {
        try
        {
            var trace = await Eventually.GetAsync(() => Task.FromResult(fixture.Traces.Spans
                .Where(s => s.Service == ResourceNames.Collection && s.Kind == ReceivedSpan.Server
                            && s.Attributes.GetValueOrDefault("url.path") == "/api/answering/submit")
                .Select(s => s.TraceId)
                .FirstOrDefault(trace => Trace(trace).Any(s => s.Service == ResourceNames.Web))),
                TimeSpan.FromSeconds(30), "the browser resident's submission in the exported spans");
            var handler = Trace(trace).First(s => s.Service == ResourceNames.Web && s.ParentSpanId.Length == 0);
            var posts = fixture.Traces.Spans.Where(s => s.Service == ResourceNames.Web && s.Kind == ReceivedSpan.Server && s.Name == "POST /svara/granska");
            Assert.True(handler.Links.Any(l => posts.Any(p => p.TraceId == l.TraceId && p.SpanId == l.SpanId)),
                $"the web app's handling of the submit ({handler}) links to the browser's POST /svara/granska");
            return trace;
        }
        catch (TimeoutException)
        {
            var spans = fixture.Traces.Spans.ToList();
            var submits = spans.Where(s => s.Service == ResourceNames.Collection && s.Name.Contains("submit", StringComparison.OrdinalIgnoreCase)).Take(3);
            Assert.Fail($"No submission in a trace with the web app. {spans.Count} spans by service: "
                + string.Join(", ", spans.GroupBy(s => s.Service).Select(g => $"{g.Key} {g.Count()}"))
                + "\nCollection's submit spans:\n" + string.Join("\n", submits.Select(s => s + " " + string.Join(" ", s.Attributes.Select(a => $"{a.Key}={a.Value}"))))
                + "\nWeb server spans:\n" + string.Join("\n", spans.Where(s => s.Service == ResourceNames.Web && s.Kind == ReceivedSpan.Server).TakeLast(5))
                + "\nThe trace of the web app's last submit call:\n" + string.Join("\n", spans.Where(s => s.Service == ResourceNames.Web && s.Kind == ReceivedSpan.Client
                        && s.Attributes.GetValueOrDefault("url.full", "").EndsWith("/api/answering/submit", StringComparison.Ordinal)).TakeLast(1)
                    .SelectMany(c => spans.Where(s => s.TraceId == c.TraceId))));
            throw;
        }
    }

    List<ReceivedSpan> Trace(string traceId) => fixture.Traces.Spans.Where(s => s.TraceId == traceId).ToList();

    void AssertSpan(string traceId, string service, int kind, string what)
    {
        var spans = Trace(traceId);
        Assert.True(spans.Any(s => s.Service == service && s.Kind == kind),
            $"{what} is not in trace {traceId}. Its spans:\n{string.Join("\n", spans)}");
    }

    sealed record Estimate(double Value, double Se, double CiLow, double CiHigh, long N);

    async Task<Estimate> NmiAsync(Guid surveyId)
    {
        using var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        var results = await analysis.GetFromJsonAsync<JsonElement>($"/api/surveys/{surveyId}/results");
        var nmi = results.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "NMI");
        return new Estimate(nmi.GetProperty("value").GetDouble(), nmi.GetProperty("standardError").GetDouble(),
            nmi.GetProperty("ciLow").GetDouble(), nmi.GetProperty("ciHigh").GetDouble(), nmi.GetProperty("n").GetInt64());
    }

    /// <summary>As the politicians' pages write a figure: at most one decimal, Swedish decimal comma.</summary>
    static string Number(double value) => value.ToString("#,##0.#", Swedish);

    /// <summary>A goal area with a council goal followed up by the residents' NMI, with a target for both years.</summary>
    async Task<(Guid Id, string Title)> CreateGoalAreaAsync(int year)
    {
        using var admin = fixture.StaffClient(ResourceNames.FollowUp, StaffRoles.Admin);
        var (visionId, code) = await PoliticianScenario.VisionAndFreeAreaCodeAsync(admin);
        var title = $"Service till invånarna {year}";
        var area = await PoliticianScenario.CreateGoalAsync(admin, "GoalArea", visionId, code, title, "Kommunfullmäktige");
        var council = await PoliticianScenario.CreateGoalAsync(admin, "CouncilGoal", area, null,
            "Invånarna är nöjda med kommunens verksamheter", "Kommunfullmäktige");
        await PoliticianScenario.CreateIndicatorAsync(admin, new
        {
            goalId = council, name = Indicator, source = "Citizen", sourceKey = "NMI", unit = "", direction = "HigherIsBetter", tolerance = 3.0,
            targets = new[] { new { period = year - 1, target = 55.0 }, new { period = year, target = 60.0 } },
        });
        return (area, title);
    }
}
