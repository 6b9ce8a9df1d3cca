using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Xunit.Abstractions;

namespace Medborgare.SystemTests;

/// <summary>A whole app of its own: these tests crash its parts, which the shared app's other tests must not see.</summary>
public sealed class OutageAppFixture : WholeAppFixture;

/// <summary>Runs alone: a second whole app beside the shared one would starve both on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageAppCollection : ICollectionFixture<OutageAppFixture>
{
    public const string Name = "outage app";
}

/// <summary>
/// DESIGN §10: killing any service, RabbitMQ or PostgreSQL during a load and bringing it back loses no accepted submission
/// and counts none twice. Residents keep submitting through Collection's public API while, one after another, Analysis and
/// Collection crash (the AppHost restarts them), RabbitMQ is killed and started again, and PostgreSQL crashes (immediate
/// shutdown) and recovers. A resident whose submit fails for the server's sake presses the button again with the same submission.
/// </summary>
[Collection(OutageAppCollection.Name)]
public sealed class OutageTests(OutageAppFixture fixture, ITestOutputHelper output)
{
    const int Respondents = 300;

    [Fact]
    public async Task Every_accepted_submission_is_counted_once_when_each_part_is_killed_during_a_load()
    {
        var year = await fixture.UnusedYearAsync();
        var (id, codes) = await ResultsSurveySetup.IssueAsync(fixture, year, frame: 1000, sample: Respondents + 20, seed: 11);
        var accepted = 0;
        var answering = ResultsSurveySetup.AnswerAsync(fixture, id, codes.Take(Respondents).ToList(), probe: codes[^1], seed: 11, shift: 0,
            expectedRespondents: Respondents, patient: true, countWithin: TimeSpan.FromMinutes(5), submitted: () => Interlocked.Increment(ref accepted));
        var killing = KillEachPartAsync(id, codes[^1], () => Volatile.Read(ref accepted));

        await Task.WhenAll(answering, killing);
        output.WriteLine($"All {Respondents} accepted and counted");

        // Every submission was accepted and Analysis counted exactly that many; a late duplicate would show up within seconds.
        Assert.Equal(Respondents, Volatile.Read(ref accepted));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(Respondents, await RespondentsAsync(id));
        await EveryProjectHealthyAsync();
    }

    /// <summary>
    /// Each part in turn, once a further share of the load has been accepted; the output says when. PostgreSQL goes down
    /// just as Analysis starts on the burst that RabbitMQ's return releases, so it crashes under messages being consumed.
    /// </summary>
    async Task KillEachPartAsync(Guid survey, string unusedCode, Func<int> accepted)
    {
        await WhenAcceptedAsync(accepted, 20);
        output.WriteLine($"Analysis crashed at {accepted()} accepted");
        await CrashAndAwaitRestartAsync(ResourceNames.Analysis);

        await WhenAcceptedAsync(accepted, 70);
        output.WriteLine($"Collection crashed at {accepted()} accepted");
        await CrashAndAwaitRestartAsync(ResourceNames.Collection);

        // Submissions go on into Collection's outbox while the broker is away, and leave it in a burst when it is back.
        await WhenAcceptedAsync(accepted, 110);
        var broker = fixture.App.Brokers.Single().RunningServer!;
        broker.Kill();
        output.WriteLine($"RabbitMQ killed at {accepted()} accepted");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var counted = await RespondentsAsync(survey);
        output.WriteLine($"RabbitMQ back at {accepted()} accepted, {counted} counted");
        await broker.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(async () => await RespondentsAsync(survey) > counted, TimeSpan.FromMinutes(2), "Analysis to count again");
        var postgres = fixture.App.PostgresServers.Single().RunningServer!;
        await postgres.CrashAsync();
        output.WriteLine($"PostgreSQL crashed at {accepted()} accepted");
        await AssertUnavailableAsync(unusedCode);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await postgres.StartAsync(CancellationToken.None);
        output.WriteLine($"PostgreSQL back at {accepted()} accepted");
    }

    /// <summary>Without its database, Collection says so: 503 with a ProblemDetails and Retry-After, not a 500.</summary>
    async Task AssertUnavailableAsync(string code)
    {
        using var collection = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        using var response = await collection.PostAsJsonAsync("/api/answering/start", new { code });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    static Task WhenAcceptedAsync(Func<int> accepted, int count) =>
        Eventually.TrueAsync(() => Task.FromResult(accepted() >= count), TimeSpan.FromMinutes(3), $"{count} accepted submissions");

    async Task CrashAndAwaitRestartAsync(string resource)
    {
        var process = fixture.App.Project(resource).RunningProcess!;
        var (restarts, pid) = (process.Restarts, process.ProcessId);
        process.Crash();
        await Eventually.TrueAsync(() => Task.FromResult(process.Restarts > restarts && process.ProcessId is not null && process.ProcessId != pid),
            TimeSpan.FromSeconds(60), $"the AppHost to restart {resource}");
    }

    async Task<long> RespondentsAsync(Guid id)
    {
        using var analysis = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        var body = await analysis.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/respondents");
        return body.GetProperty("respondents").GetInt64();
    }

    async Task EveryProjectHealthyAsync()
    {
        using var http = new HttpClient();
        foreach (var project in fixture.App.Projects)
        {
            await Eventually.TrueAsync(async () =>
            {
                try { return (await http.GetAsync($"{project.Url}/health")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(90), $"{project.Name} to be healthy again");
        }
    }
}
