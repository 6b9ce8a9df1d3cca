using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Aspire.Hosting.Testing;
using Xunit.Abstractions;

namespace Medborgare.SystemTests;

/// <summary>A whole app of its own: these tests crash its parts, which the shared app's other tests must not see.</summary>
public sealed class OutageAppFixture : WholeAppFixture
{
    protected override bool Dashboard => false;
}

/// <summary>Runs alone: a second whole app beside the shared one would starve both on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageAppCollection : ICollectionFixture<OutageAppFixture>
{
    public const string Name = "outage app";
}

/// <summary>
/// DESIGN §10: killing any service, RabbitMQ or PostgreSQL during a load loses no accepted submission and counts none twice, and
/// the AppHost brings each back by itself. Residents keep submitting through Collection's public API while, one after another,
/// Analysis, Collection, RabbitMQ and PostgreSQL are killed (SIGKILL to the process tree); the test restarts nothing itself. A
/// resident whose submit fails for the server's sake presses the button again with the same submission.
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
        // Nothing is left waiting anywhere (no response in a mark, none in flight): a duplicate would have been counted by now.
        await Eventually.TrueAsync(async () => await PendingInCollectionAsync() == 0, what: "Collection to have sent every response");
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
        output.WriteLine($"Analysis killed at {accepted()} accepted");
        await KillAndAwaitRestartAsync(ResourceNames.Analysis);

        await WhenAcceptedAsync(accepted, 70);
        output.WriteLine($"Collection killed at {accepted()} accepted");
        await KillAndAwaitRestartAsync(ResourceNames.Collection);

        // Submitted responses wait in their marks while the broker is away, and leave in a burst when it is back.
        await WhenAcceptedAsync(accepted, 110);
        var counted = await RespondentsAsync(survey);
        output.WriteLine($"RabbitMQ killed at {accepted()} accepted, {counted} counted");
        await KillAndAwaitRestartAsync(ResourceNames.Messaging);
        output.WriteLine($"RabbitMQ back at {accepted()} accepted");

        await Eventually.TrueAsync(async () => await RespondentsAsync(survey) > counted, TimeSpan.FromMinutes(2), "Analysis to count again");
        var postgres = fixture.Instances(ResourceNames.Postgres).Single().ResourceId;
        var pid = fixture.Crash(postgres);
        output.WriteLine($"PostgreSQL killed at {accepted()} accepted");
        await SeeUnavailableAsync(unusedCode);
        await fixture.WaitForRestartAsync(postgres, pid);
        output.WriteLine($"PostgreSQL back at {accepted()} accepted");
    }

    /// <summary>While its database is away, Collection says so: 503 with a ProblemDetails and Retry-After, not a 500.</summary>
    async Task SeeUnavailableAsync(string code)
    {
        using var collection = new HttpClient { BaseAddress = new Uri(fixture.Url(ResourceNames.Collection)) };
        var seen = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            using var response = await collection.PostAsJsonAsync("/api/answering/start", new { code });
            seen.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Collection never answered 503 while PostgreSQL was away: {string.Join(", ", seen.Distinct())}");
    }

    static Task WhenAcceptedAsync(Func<int> accepted, int count) =>
        Eventually.TrueAsync(() => Task.FromResult(accepted() >= count), TimeSpan.FromMinutes(3), $"{count} accepted submissions");

    async Task KillAndAwaitRestartAsync(string resource)
    {
        var instance = fixture.Instances(resource).First().ResourceId;
        var pid = fixture.Crash(instance);
        await fixture.WaitForRestartAsync(instance, pid);
    }

    async Task<long> PendingInCollectionAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection((await fixture.App.GetConnectionStringAsync(ResourceNames.CollectionDb))!);
        await connection.OpenAsync();
        await using var pending = new Npgsql.NpgsqlCommand("SELECT count(*) FROM submissions WHERE pending_answers IS NOT NULL", connection);
        return (long)(await pending.ExecuteScalarAsync())!;
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
        foreach (var part in ResourceNames.Services.Append(ResourceNames.Web))
        {
            await Eventually.TrueAsync(async () =>
            {
                try { return (await http.GetAsync($"{fixture.Url(part)}/health")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(90), $"{part} to be healthy again");
        }
    }
}
