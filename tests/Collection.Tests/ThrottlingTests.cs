using System.Net;
using System.Net.Http.Json;
using Medborgare.Contracts;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

public sealed class ThrottlingTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    public Task InitializeAsync() => harness.OpenSurveyAsync(codes: 1);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_typo_is_caught_by_the_check_character_with_a_friendly_message()
    {
        var code = harness.Codes[0];
        var typo = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var response = await harness.CreateClient().PostAsJsonAsync("/api/answering/start", new CodeRequest(typo));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("felskriven", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_ten_wrong_codes_even_a_right_code_waits_and_says_so()
    {
        var client = harness.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(InvitationCode.Generate()));
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        var blocked = await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(harness.Codes[0]));

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter is not null || blocked.Headers.Contains("Retry-After"));
        Assert.Contains("För många försök", await blocked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_and_throttled_answers_do_not_reveal_whether_a_code_exists()
    {
        var client = harness.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(InvitationCode.Generate()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(harness.SurveyId.ToString(), await unknown.Content.ReadAsStringAsync());
        for (var i = 1; i < 10; i++) await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(InvitationCode.Generate()));

        // Throttled, a code that exists and one that does not get the very same answer.
        var real = await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(harness.Codes[0]));
        var madeUp = await client.PostAsJsonAsync("/api/answering/start", new CodeRequest(InvitationCode.Generate()));

        Assert.Equal(HttpStatusCode.TooManyRequests, real.StatusCode);
        Assert.Equal(real.StatusCode, madeUp.StatusCode);
        Assert.Equal(await ProblemWithoutTraceAsync(real), await ProblemWithoutTraceAsync(madeUp));
        Assert.Equal(real.Headers.RetryAfter is null, madeUp.Headers.RetryAfter is null);
        Assert.DoesNotContain(harness.SurveyId.ToString(), await real.Content.ReadAsStringAsync());
    }

    static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        problem.Remove("traceId");
        return problem.ToJsonString();
    }
}
