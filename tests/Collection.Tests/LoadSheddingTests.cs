using System.Net;
using System.Net.Http.Json;
using Medborgare.Contracts;
using Medborgare.Testing;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

/// <summary>
/// More submissions at once than Collection takes (here: two in progress, none waiting) are refused at once with 503 and
/// Retry-After, and write nothing; every accepted one is sent on; a refused resident who sends again gets in.
/// </summary>
public sealed class LoadSheddingTests : IAsyncLifetime
{
    const int Residents = 24;
    CollectionApp harness = null!;

    // A host of each test's own: the cap is read at start-up, and the class's shared host has the default one.
    public async Task InitializeAsync()
    {
        harness = await CollectionApp.StartOwnAsync(new Dictionary<string, string>
        {
            ["RateLimiting:ConcurrentSubmissions"] = "2", ["RateLimiting:QueuedSubmissions"] = "0",
        });
        await harness.OpenSurveyAsync(codes: Residents);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Submissions_beyond_capacity_get_503_with_retry_after_and_none_accepted_is_lost()
    {
        await using var sent = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-shedding");
        Answer[] answers = [new() { QuestionKey = "barn", Choices = ["nej"] }];
        var keys = harness.Codes.ToDictionary(c => c, _ => Guid.NewGuid());

        var first = await Task.WhenAll(harness.Codes.Select(code => harness.CreateClient().PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, keys[code], answers))));

        var refused = first.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(first, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(refused, r =>
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(r.Headers.RetryAfter);
        });
        var accepted = first.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(accepted, await harness.CountAsync(db => db.Submissions));

        // The refused ones come back, one at a time as a patient browser would; all get in.
        for (var i = 0; i < Residents; i++)
        {
            if (first[i].StatusCode != HttpStatusCode.ServiceUnavailable) continue;
            var again = await harness.CreateClient().PostAsJsonAsync("/api/answering/submit", new SubmitRequest(harness.Codes[i], keys[harness.Codes[i]], answers));
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        await Eventually.TrueAsync(() => Task.FromResult(sent.Responses().Count == Residents), what: "every response sent on");
        Assert.Equal(Residents, sent.Responses().Select(r => r.ResponseId).Distinct().Count());
    }

    [Fact]
    public async Task The_cap_still_works_after_a_quiet_while()
    {
        Answer[] answers = [new() { QuestionKey = "barn", Choices = ["nej"] }];
        Assert.Equal(HttpStatusCode.OK, (await harness.CreateClient().PostAsJsonAsync("/api/answering/submit",
            new SubmitRequest(harness.Codes[0], Guid.NewGuid(), answers))).StatusCode);

        // An idle limiter is disposed by its partitioned owner after about ten seconds and made again on the next request.
        await Task.Delay(TimeSpan.FromSeconds(12));

        Assert.Equal(HttpStatusCode.OK, (await harness.CreateClient().PostAsJsonAsync("/api/answering/submit",
            new SubmitRequest(harness.Codes[1], Guid.NewGuid(), answers))).StatusCode);
    }
}
