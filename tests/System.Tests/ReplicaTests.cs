using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Xunit.Abstractions;

namespace Medborgare.SystemTests;

/// <summary>
/// The app with two instances each of Collection and Analysis (<c>--replicas 2</c>): requests spread over Collection's instances
/// behind Aspire's proxy, and Analysis's instances compete for the same queue. Its only departure from the defaults: all load comes
/// from one address, so the public per-client limits are raised.
/// </summary>
public sealed class ReplicaAppFixture : WholeAppFixture
{
    protected override bool Dashboard => false;
    protected override IReadOnlyList<string> Arguments => ["--replicas", "2"];
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting__PublicRequestsPerMinute"] = "1000000",
        ["CodeThrottle__PerClientLimit"] = "1000000",
    };
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaAppCollection : ICollectionFixture<ReplicaAppFixture>
{
    public const string Name = "replica app";
}

/// <summary>
/// DESIGN §2: several instances of a service can run at once. Residents submit 2,000 responses while one instance of Collection
/// and one of Analysis are killed (the AppHost starts them again): every accepted response is counted exactly once, both Analysis
/// instances counted responses, and the aggregates equal a recompute from the raw responses.
/// </summary>
[Collection(ReplicaAppCollection.Name)]
public sealed class ReplicaTests(ReplicaAppFixture fixture, ITestOutputHelper output)
{
    const int Respondents = 2000;

    [Fact]
    public async Task Two_instances_each_of_Collection_and_Analysis_count_every_response_once_while_one_of_each_is_killed()
    {
        Assert.Equal(2, fixture.Instances(ResourceNames.Collection).Count);
        Assert.Equal(2, fixture.Instances(ResourceNames.Analysis).Count);
        var year = await fixture.UnusedYearAsync();
        var (id, codes) = await ResultsSurveySetup.IssueAsync(fixture, year, frame: 6000, sample: Respondents + 10, seed: 23);
        var accepted = 0;
        var answering = ResultsSurveySetup.AnswerAsync(fixture, id, codes.Take(Respondents).ToList(), probe: codes[^1], seed: 23, shift: 0,
            expectedRespondents: Respondents, patient: true, countWithin: TimeSpan.FromMinutes(8), submitted: () => Interlocked.Increment(ref accepted),
            concurrency: 16);

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref accepted) >= 300), TimeSpan.FromMinutes(4), "300 accepted");
        var collection = fixture.Instances(ResourceNames.Collection)[0].ResourceId;
        var collectionPid = fixture.Crash(collection);
        output.WriteLine($"{collection} killed at {Volatile.Read(ref accepted)} accepted");
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref accepted) >= 900), TimeSpan.FromMinutes(4), "900 accepted");
        var analysis = fixture.Instances(ResourceNames.Analysis)[1].ResourceId;
        var analysisPid = fixture.Crash(analysis);
        output.WriteLine($"{analysis} killed at {Volatile.Read(ref accepted)} accepted");
        await answering;
        await fixture.WaitForRestartAsync(collection, collectionPid);
        await fixture.WaitForRestartAsync(analysis, analysisPid);

        // Every accepted response counted, and once: the count equals the accepted submissions and the raw responses.
        Assert.Equal(Respondents, Volatile.Read(ref accepted));
        using var analyst = fixture.StaffClient(ResourceNames.Analysis, StaffRoles.Analyst);
        Assert.Equal(Respondents, (await analyst.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/respondents")).GetProperty("respondents").GetInt64());
        var incremental = await analyst.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/results");
        var recomputed = await analyst.GetFromJsonAsync<JsonElement>($"/api/surveys/{id}/results?source=raw");
        Assert.Equal(Respondents, recomputed.GetProperty("respondents").GetInt64());
        var fromRaw = recomputed.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        foreach (var indicator in incremental.GetProperty("indicators").EnumerateArray())
        {
            var other = fromRaw[indicator.GetProperty("key").GetString()!];
            Assert.Equal(other.GetProperty("n").GetInt64(), indicator.GetProperty("n").GetInt64());
            if (indicator.GetProperty("value").ValueKind == JsonValueKind.Number)
                Assert.Equal(other.GetProperty("value").GetDouble(), indicator.GetProperty("value").GetDouble(), 1e-9);
        }

        // Both Analysis instances counted responses: their consumer spans come from two service instances.
        var counting = fixture.Traces.Spans.Where(s => s.Service == ResourceNames.Analysis && s.Kind == ReceivedSpan.Consumer
            && s.Name.Contains("responses", StringComparison.OrdinalIgnoreCase)).Select(s => s.Instance).Distinct().ToList();
        output.WriteLine($"Analysis instances that consumed responses: {string.Join(", ", counting)}");
        Assert.True(counting.Count >= 2, $"only {counting.Count} Analysis instance consumed responses");
    }
}
