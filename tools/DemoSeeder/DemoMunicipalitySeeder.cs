using System.Diagnostics;

namespace Medborgare.DemoSeeder;

/// <summary>What the demo holds after seeding; <see cref="AlreadySeeded"/> when the app held demo data before and nothing was done.</summary>
public sealed record DemoSummary(bool AlreadySeeded, IReadOnlyList<SurveyYearSummary> Years, FollowUpSummary? FollowUp, int Feedback, TimeSpan Took);

/// <summary>
/// Fills a running Medborgare with Älvsala kommun (docs/demo.md): the goal chain and key figures in FollowUp, open
/// feedback, and three survey years answered by residents, all through the services' own HTTP APIs and the real
/// message path (Distribution → Collection → RabbitMQ → Analysis → FollowUp). Nothing is written to a database directly.
/// </summary>
public sealed class DemoMunicipalitySeeder(DemoOptions options)
{
    public async Task<DemoSummary> SeedAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var output = options.Output;
        using var http = new DemoHttp(options.SigningKey, options.Concurrency);

        if (await HoldsDataAsync(http, ct))
        {
            output.WriteLine("demo        | the app already holds surveys or goals for these years; the demo is not seeded again");
            return new DemoSummary(true, [], null, 0, clock.Elapsed);
        }

        output.WriteLine($"demo        | seeding {DemoMunicipality.Name} ({options.MunicipalityCode}): survey years {string.Join(", ", options.Years)}, " +
            $"{options.SampleSize:N0} invited per year, {options.Concurrency} submissions at a time");
        var last = options.Years.Max();
        var keyFigureYears = Enumerable.Range(last - 4, 5).ToList();
        var followUp = await new FollowUpSeeder(options, http).RunAsync(keyFigureYears, ct);
        var feedback = await new FeedbackSeeder(options, http).RunAsync(ct);
        await new CaseSeeder(options, http).RunAsync(ct);

        // Oldest first: each year's published results are compared with the year before.
        var years = new List<SurveyYearSummary>();
        var surveys = new SurveyYearSeeder(options, http);
        var ordered = options.Years.Order().ToList();
        for (var i = 0; i < ordered.Count; i++) years.Add(await surveys.RunAsync(ordered[i], i, ct));
        // Last: the uppdrag are prompted by the published years' priorities.
        await new AssignmentSeeder(options, http).RunAsync(ct);

        output.WriteLine($"demo        | done in {clock.Elapsed.TotalSeconds:0} s: {years.Sum(y => y.Responses):N0} responses over {years.Count} years, " +
            $"{followUp.Goals} goals, {followUp.Indicators} indicators, {followUp.KeyFigureRows} key-figure values, {feedback} feedback items");
        return new DemoSummary(false, years, followUp, feedback, clock.Elapsed);
    }

    /// <summary>A survey for one of the demo's years, or any goal, means the demo (or real data) is there already.</summary>
    async Task<bool> HoldsDataAsync(DemoHttp http, CancellationToken ct)
    {
        var surveys = await http.StaffAsync(HttpMethod.Get, options.Distribution, "/api/surveys", null, ct);
        if (surveys.EnumerateArray().Any(s => options.Years.Contains(s.GetProperty("year").GetInt32()))) return true;
        var goals = await http.StaffAsync(HttpMethod.Get, options.FollowUp, "/api/goals", null, ct);
        return goals.GetArrayLength() > 0;
    }
}
