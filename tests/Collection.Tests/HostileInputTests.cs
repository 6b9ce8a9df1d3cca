using System.Net;
using System.Net.Http.Json;
using System.Text;
using Medborgare.Contracts;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

/// <summary>Every public endpoint answers hostile input with a 4xx ProblemDetails, never a 5xx, and stores nothing.</summary>
public sealed class HostileInputTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    public Task InitializeAsync() => harness.OpenSurveyAsync(codes: 2);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> Bodies => new()
    {
        { "/api/answering/start", "{not json" },
        { "/api/answering/start", """{"code": 12345}""" },
        { "/api/answering/start", "[]" },
        { "/api/answering/start", """{"code": "AAAAA-AAAAA-AAAAA"}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "not-a-guid", "answers": []}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "00000000-0000-0000-0000-000000000000", "answers": []}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "KEY", "answers": [{"questionKey": "finns-inte", "number": 3}]}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "KEY", "answers": [{"questionKey": "nojd", "number": 99}]}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "KEY", "answers": [{"questionKey": "nojd", "number": "sju"}]}""" },
        { "/api/answering/submit", """{"code": "CODE", "submissionKey": "KEY", "answers": [{"questionKey": "barn", "choices": ["ja"]}, {"questionKey": "kommentar", "text": "<script>alert('x')</script>"}]}""" },
        { "/api/answering/draft", """{"code": "CODE", "page": -5, "answers": []}""" },
        { "/api/answering/draft", """{"code": "CODE", "page": 1, "answers": [{"questionKey": "barn", "choices": ["ja", "ja", "nej"]}]}""" },
        { "/api/feedback", "{\"category\": \"förslag\"" },
        { "/api/feedback", """{"category": "förslag", "text": "<img src=x onerror=alert(1)>"}""" },
        { "/api/feedback", """{"category": "hack", "text": "hej"}""" },
        { "/api/feedback", """{"category": "förslag", "text": "hej", "contact": {"email": "a@b.se"}, "contactConsent": false}""" },
        { "/api/feedback", """{"category": "förslag", "text": 42}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_bodies_get_a_4xx_problem_and_store_nothing(string path, string body)
    {
        var code = harness.Codes[0];
        body = body.Replace("CODE", code).Replace("KEY", Guid.NewGuid().ToString());
        var client = harness.CreateClient();

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        if (path.EndsWith("/draft", StringComparison.Ordinal))
            response = await client.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await harness.CountAsync(db => db.Submissions));
        Assert.Equal(0, await harness.CountAsync(db => db.Feedback));
    }

    [Theory]
    [InlineData("/api/answering/submit")]
    [InlineData("/api/feedback")]
    public async Task An_oversized_body_is_refused_without_reading_it_all(string path)
    {
        var huge = "{\"text\": \"" + new string('a', 600 * 1024) + "\"}";

        var response = await harness.CreateClient().PostAsync(path, new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await harness.CountAsync(db => db.Feedback));
    }

    [Fact]
    public async Task A_replayed_submission_with_another_key_is_refused_and_counted_once()
    {
        var client = harness.CreateClient();
        var code = harness.Codes[1];
        Answer[] answers = [new() { QuestionKey = "barn", Choices = ["nej"] }];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, Guid.NewGuid(), answers))).StatusCode);

        var replay = await client.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, Guid.NewGuid(), answers));

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal(1, await harness.CountAsync(db => db.Submissions));
        Assert.Equal(0, await harness.CountAsync(db => db.Drafts));
    }
}
