using System.Text.Json;

namespace Medborgare.DemoSeeder;

/// <summary>
/// Synpunkter as cases in every state, through Collection's staff API as caseworkers would work them: some only received, some
/// assigned to a person, answered, closed, and published on "Du sa – vi gjorde"; and synpunkter registered from letters and calls
/// of the past weeks, some of them now overdue. Answers to residents who left an e-mail address are e-mailed when an SMTP server
/// is configured, and otherwise wait in their cases.
/// </summary>
sealed class CaseSeeder(DemoOptions options, DemoHttp http)
{
    sealed record Registered(string Category, string GoalArea, string Channel, int DaysAgo, string Text, bool Answer);

    static readonly Registered[] Letters =
    [
        new("klagomål", "livsmiljo", "Letter", 40, "Brev: vattenläckan på Kvarngatan har inte åtgärdats trots två anmälningar.", Answer: false),
        new("klagomål", "omsorg", "Phone", 30, "Samtal: anhörig undrar varför beslutet om boende dröjer.", Answer: false),
        new("fråga", "utbildning", "Email", 25, "E-post: hur fungerar kön till förskolan i Kyrkbyn?", Answer: false),
        new("förslag", "delaktighet", "Visit", 21, "Besök i kontaktcenter: fler öppna möten på kvällstid.", Answer: true),
        new("klagomål", "livsmiljo", "Phone", 18, "Samtal: gatlyktorna på Ängsvägen är släckta.", Answer: true),
        new("beröm", "omsorg", "Letter", 6, "Brev: tack till personalen på Lindgården.", Answer: true),
        new("klagomål", "utbildning", "Phone", 3, "Samtal: skolskjutsen har inte kommit två morgnar i rad.", Answer: false),
    ];

    static readonly string[] Answers =
    [
        "Tack för din synpunkt. Vi har gått igenom frågan och åtgärdar den under våren; arbetet följs upp i nämndens verksamhetsplan.",
        "Tack! Vi har tagit upp det med verksamheten och återkommer med besked om tider på kommunens webbplats.",
        "Tack för ditt beröm, vi har framfört det till personalen.",
        "Vi har beställt en översyn och räknar med att den är klar inom två månader.",
    ];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var committees = await WaitForRoutesAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var worked = 0;
        foreach (var letter in Letters)
        {
            var registered = await http.StaffAsync(HttpMethod.Post, options.Collection, "/api/cases", new
            {
                category = letter.Category, goalArea = letter.GoalArea, text = letter.Text, channel = letter.Channel,
                receivedAt = now.AddDays(-letter.DaysAgo), contactConsent = false,
            }, ct);
            if (letter.Answer) await AnswerAsync(registered, Answers[worked % Answers.Length], close: worked % 2 == 0, publish: worked % 2 == 0, ct);
            worked++;
        }

        // The web's synpunkter, newest first: every fourth left as received, the others assigned, answered, closed or published.
        var list = await http.StaffAsync(HttpMethod.Get, options.Collection, "/api/cases?pageSize=200", null, ct);
        var web = list.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("channel").GetString() == "Web").ToList();
        for (var i = 0; i < web.Count; i++)
        {
            var id = web[i].GetProperty("id").GetString();
            var committee = web[i].GetProperty("committee").GetString();
            switch (i % 4)
            {
                case 0: continue;
                case 1:
                    await http.StaffAsync(HttpMethod.Post, options.Collection, $"/api/cases/{id}/assign", new { committee, assignedTo = "Handläggare " + (i % 3 + 1) }, ct);
                    break;
                default:
                    var detail = await http.StaffAsync(HttpMethod.Get, options.Collection, $"/api/cases/{id}", null, ct);
                    await AnswerAsync(detail, Answers[i % Answers.Length], close: i % 4 == 3, publish: i % 8 == 3 || i % 8 == 2, ct);
                    break;
            }
            worked++;
        }
        options.Output.WriteLine($"demo        | cases: {worked} synpunkter worked, {Letters.Length} registered from letters and calls, " +
            $"routed to {committees} committees from the goal chain");
        return worked;
    }

    async Task AnswerAsync(JsonElement detail, string answer, bool close, bool publish, CancellationToken ct)
    {
        var id = detail.GetProperty("id").GetString();
        var hasEmail = detail.TryGetProperty("contact", out var contact) && contact.ValueKind == JsonValueKind.Object
            && contact.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String;
        await http.StaffAsync(HttpMethod.Post, options.Collection, $"/api/cases/{id}/answer", new { answer, sendEmail = hasEmail }, ct);
        if (publish && detail.TryGetProperty("goalArea", out var area) && area.ValueKind == JsonValueKind.String)
            await http.StaffAsync(HttpMethod.Post, options.Collection, $"/api/cases/{id}/publish", new { publish = true }, ct);
        if (close) await http.StaffAsync(HttpMethod.Post, options.Collection, $"/api/cases/{id}/close", null, ct);
    }

    /// <summary>The goal chain's committees reach Collection by message; the demo's synpunkter are routed once they are there.</summary>
    public async Task<int> WaitForRoutesAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var list = await http.StaffAsync(HttpMethod.Get, options.Collection, "/api/cases/committees", null, ct);
            var routes = list.GetProperty("routes").GetArrayLength();
            if (routes >= 4 || attempt >= 60) return routes;
            await Task.Delay(500, ct);
        }
    }
}
