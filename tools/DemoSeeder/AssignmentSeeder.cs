using System.Text.Json;

namespace Medborgare.DemoSeeder;

/// <summary>
/// Uppdrag and action plans (issue 17), once the survey years are published: a handful of uppdrag, the first ones prompted by
/// the latest year's "Prioritera!" factors of the goal areas, each with a plan of activities (exactly one of them late), and
/// återrapportering for this year's delårsrapport and last year's årsredovisning.
/// </summary>
sealed class AssignmentSeeder(DemoOptions options, DemoHttp http)
{
    sealed record Activity(string Title, string Owner, int StartDays, int EndDays, string Status);

    sealed record Given(string Title, string Text, string GivenBy, Activity[] Activities);

    // Days relative to today. Only "Kartlägg väntetiderna" is late: in progress, and its end has passed.
    static readonly Given[] Prompted =
    [
        new("Ta fram en plan för att höja nöjdheten", "Invånarna har pekat ut området som det viktigaste att förbättra. Analysera orsakerna och föreslå åtgärder.", "KF",
        [
            new("Kartlägg väntetiderna och orsakerna till missnöjet", "Verksamhetsutvecklare", -120, -15, "InProgress"),
            new("Dialogmöten med invånare i tre kommundelar", "Kommunikatör", -60, 90, "InProgress"),
            new("Förslag till åtgärdsplan till nämnden", "Förvaltningschef", 100, 180, "NotStarted"),
        ]),
        new("Förbättra det som invånarna prioriterar högst", "Redovisa vilka insatser som ger störst effekt på invånarnas nöjdhet och genomför dem.", "KS",
        [
            new("Genomgång av synpunkter och enkätsvar", "Utredare", -200, -100, "Done"),
            new("Pilotprojekt i en kommundel", "Enhetschef", -30, 150, "InProgress"),
        ]),
    ];

    static readonly Given[] Others =
    [
        new("Utred förlängda öppettider i kontaktcenter", "Kontaktcenter ska vara nåbart även på kvällstid två dagar i veckan.", "KS",
        [
            new("Behovsanalys och kostnadsberäkning", "Kontaktcenterchef", -90, -30, "Done"),
            new("Beslutsunderlag till kommunstyrelsen", "Kanslichef", 10, 60, "NotStarted"),
        ]),
        new("Inför trygghetsvandringar i alla kommundelar", "Trygghetsvandringar med boende, polis och fastighetsägare varje höst.", "KF",
        [
            new("Planera vandringarna med polisen", "Trygghetssamordnare", -45, 45, "InProgress"),
        ]),
        new("Minska matsvinnet i skolköken", "Matsvinnet i skolan ska halveras till 2028.", "Barn- och utbildningsnämnden",
        [
            new("Mät svinnet i alla skolkök", "Kostchef", -150, -60, "Done"),
            new("Inför svinnmätning varje vecka", "Kostchef", -20, 200, "InProgress"),
        ]),
    ];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
        var latest = options.Years.Max();
        var goals = (await http.StaffAsync(HttpMethod.Get, options.FollowUp, "/api/goals", null, ct)).EnumerateArray().ToList();
        var areas = goals.Where(g => Level(g) == "GoalArea").ToList();
        var councilGoals = goals.Where(g => Level(g) == "CouncilGoal").ToList();

        // The latest year's "Prioritera!" factors, one per goal area, most effect first. The area view lists its factors most
        // urgent first, so an area without a "Prioritera!" factor offers its most urgent one instead.
        var prompts = new List<(JsonElement Goal, JsonElement Factor)>();
        foreach (var area in areas)
        {
            var view = await http.StaffAsync(HttpMethod.Get, options.FollowUp, $"/api/followup/goal-areas/{Id(area)}?year={latest}", null, ct);
            var priorities = view.GetProperty("priorities").EnumerateArray().ToList();
            var factor = priorities.FirstOrDefault();
            var goal = councilGoals.FirstOrDefault(g => g.GetProperty("parentId").GetString() == Id(area).ToString());
            if (factor.ValueKind == JsonValueKind.Object && goal.ValueKind == JsonValueKind.Object) prompts.Add((goal, factor));
        }
        prompts = prompts.OrderByDescending(p => p.Factor.GetProperty("quadrant").GetString() == "Prioritera")
            .ThenByDescending(p => p.Factor.GetProperty("effect").GetDouble()).Take(Prompted.Length).ToList();

        var created = new List<(Guid Id, JsonElement Goal)>();
        for (var i = 0; i < prompts.Count; i++)
        {
            var (goal, factor) = prompts[i];
            var name = factor.GetProperty("nameSv").GetString();
            var prompt = new
            {
                surveyYear = latest, overallKey = factor.GetProperty("overallKey").GetString(), factorKey = factor.GetProperty("factorKey").GetString(),
                factorName = name, score = factor.GetProperty("score").GetDouble(), effect = factor.GetProperty("effect").GetDouble(),
            };
            created.Add((await GiveAsync(Prompted[i] with { Title = $"{Prompted[i].Title}: {name}" }, goal, today.AddMonths(10 + i), prompt, ct), goal));
        }
        for (var i = 0; i < Others.Length && created.Count < 5; i++)
        {
            var goal = councilGoals[(i * 2 + 1) % councilGoals.Count];
            created.Add((await GiveAsync(Others[i], goal, today.AddMonths(6 + i * 3), null, ct), goal));
        }

        // Each uppdrag's plan, its first activity measured by the goal's first indicator.
        var all = Prompted.Take(prompts.Count).Concat(Others).ToList();
        var activities = 0;
        for (var i = 0; i < created.Count; i++)
        {
            var (id, goal) = created[i];
            var indicators = await http.StaffAsync(HttpMethod.Get, options.FollowUp, $"/api/indicators?goalId={Id(goal)}", null, ct);
            var measured = indicators.EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).Take(1).ToArray();
            var plan = all[i].Activities;
            for (var a = 0; a < plan.Length; a++)
            {
                await http.StaffAsync(HttpMethod.Post, options.FollowUp, $"/api/assignments/{id}/activities", new
                {
                    title = plan[a].Title, owner = plan[a].Owner, start = today.AddDays(plan[a].StartDays), end = today.AddDays(plan[a].EndDays),
                    status = plan[a].Status, indicatorIds = a == 0 ? measured : [],
                }, ct);
                activities++;
            }
        }

        // A nämndmål's own plan, beside the uppdrag.
        if (goals.FirstOrDefault(g => Level(g) == "CommitteeGoal") is { ValueKind: JsonValueKind.Object } committeeGoal)
        {
            await http.StaffAsync(HttpMethod.Post, options.FollowUp, $"/api/goals/{Id(committeeGoal)}/activities", new
            {
                title = "Årlig genomgång av nämndmålets mätetal", owner = "Controller", start = today.AddDays(-30), end = today.AddDays(60), status = "InProgress",
            }, ct);
            activities++;
        }

        // Återrapportering: last year's årsredovisning for the first, then this year's delårsrapport for the first three (the
        // latest report's status is the uppdrag's).
        var reports = 0;
        if (created.Count > 0)
        {
            await http.StaffAsync(HttpMethod.Put, options.FollowUp, $"/api/assignments/{created[0].Id}/reports/{today.Year - 1}/Annual",
                new { done = "Uppdraget gavs sent under året; arbetet planerades.", status = "NotStarted" }, ct);
            reports++;
        }
        string[] texts =
        [
            "Kartläggningen är påbörjad men försenad; dialogmötena pågår enligt plan.",
            "Genomgången är klar och piloten har startat i Kyrkbyn.",
            "Behovsanalysen är klar. Beslutsunderlaget tas fram under hösten.",
        ];
        for (var i = 0; i < Math.Min(texts.Length, created.Count); i++)
        {
            await http.StaffAsync(HttpMethod.Put, options.FollowUp, $"/api/assignments/{created[i].Id}/reports/{today.Year}/Interim",
                new { done = texts[i], status = "InProgress" }, ct);
            reports++;
        }

        options.Output.WriteLine($"demo        | uppdrag: {created.Count} ({prompts.Count} prompted by \"Prioritera!\" factors of {latest}), " +
            $"{activities} activities, {reports} reports");
        return created.Count;
    }

    async Task<Guid> GiveAsync(Given given, JsonElement goal, DateOnly deadline, object? prompt, CancellationToken ct)
    {
        var created = await http.StaffAsync(HttpMethod.Post, options.FollowUp, "/api/assignments", new
        {
            goalId = Id(goal), title = given.Title, text = given.Text, givenBy = given.GivenBy,
            responsibleCommittee = goal.GetProperty("responsibleBody").GetString(), deadline, prompt,
        }, ct);
        return created.GetProperty("id").GetGuid();
    }

    static string? Level(JsonElement goal) => goal.GetProperty("level").GetString();
    static Guid Id(JsonElement goal) => goal.GetProperty("id").GetGuid();
}
