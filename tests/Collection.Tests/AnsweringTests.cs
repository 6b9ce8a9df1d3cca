using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Collection.Answering;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

public sealed class AnsweringTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    HttpClient resident = null!;

    public async Task InitializeAsync()
    {
        await harness.OpenSurveyAsync();
        resident = harness.CreateClient();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    static readonly Answer[] Complete =
    [
        new() { QuestionKey = "barn", Choices = ["ja"] },
        new() { QuestionKey = "forskola", Number = 9 },
        new() { QuestionKey = "nojd", Number = 6 },
        new() { QuestionKey = "kommentar", Text = "Bra kommun!" },
    ];

    async Task<AnsweringSession> StartAsync(string code)
    {
        var response = await resident.PostAsJsonAsync("/api/answering/start", new CodeRequest(code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnsweringSession>(Json))!;
    }

    [Fact]
    public async Task A_resident_starts_saves_resumes_and_submits_once()
    {
        var code = harness.Codes[0];
        var session = await StartAsync(code.ToLowerInvariant().Replace("-", " "));
        Assert.Equal(2, session.Questionnaire.Sections.Count);

        var saved = await resident.PutAsJsonAsync("/api/answering/draft", new DraftRequest(code, 1, Complete[..1]));
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var resumed = await StartAsync(code);
        Assert.Equal(1, resumed.Page);
        Assert.Equal(["ja"], resumed.Answers.Single().Choices);
        Assert.Equal(session.SubmissionKey, resumed.SubmissionKey);

        var submitted = await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, resumed.SubmissionKey, Complete));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var receipt = (await submitted.Content.ReadFromJsonAsync<SubmissionReceipt>())!;

        var retried = await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, resumed.SubmissionKey, Complete));
        Assert.Equal(receipt, await retried.Content.ReadFromJsonAsync<SubmissionReceipt>());
        var other = await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, Guid.NewGuid(), Complete));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var again = await resident.PostAsJsonAsync("/api/answering/start", new CodeRequest(code));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("urn:medborgare:code-used", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        Assert.Equal(1, await harness.CountAsync(db => db.Submissions));
        Assert.Equal(0, await harness.CountAsync(db => db.Drafts));
    }

    [Fact]
    public async Task Submitting_sends_the_response_to_Analysis_and_later_the_answered_flag_to_Distribution()
    {
        await using var responses = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-responses");
        await using var answered = await TestBus<InvitationsAnswered>.StartAsync(harness.BrokerConnectionString, "test-answered");
        var code = harness.Codes[1];
        var session = await StartAsync(code);

        await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, session.SubmissionKey, Complete));

        var response = await Eventually.GetAsync(() => Task.FromResult(responses.Responses().FirstOrDefault()), what: "SurveyResponsesSubmitted");
        Assert.Equal("Södra", response.Stratum.District);
        Assert.Equal(ResponseChannel.Web, response.Channel);
        Assert.Equal(4, response.Answers.Count);
        var flag = await Eventually.GetAsync(() => Task.FromResult(answered.CodeHashes().FirstOrDefault()), what: "InvitationsAnswered");
        InvitationCode.Check(code, out var normalized);
        Assert.Equal(InvitationCode.Hash(normalized, harness.Salt), flag);
        var responseJson = JsonSerializer.Serialize(responses.Received.Single().Message);
        Assert.DoesNotContain(flag, responseJson);
        Assert.DoesNotContain(normalized, responseJson);
        await Eventually.TrueAsync(async () => await harness.CountAsync(db => db.OutboxMessages) == 0, what: "sent outbox rows to be deleted");
    }

    [Fact]
    public async Task Two_concurrent_submissions_with_one_code_give_one_response_and_one_message()
    {
        await using var responses = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-concurrent");
        var code = harness.Codes[2];

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            harness.CreateClient().PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, Guid.NewGuid(), Complete))));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await harness.CountAsync(db => db.Submissions));
        await Eventually.TrueAsync(() => Task.FromResult(!responses.Received.IsEmpty), what: "the message");
        // Nothing is left to send (no mark holds a response), and every attempt has been answered: no second message can follow.
        Assert.Equal(0, await harness.CountAsync(db => db.Submissions.Where(s => s.PendingAnswers != null)));
        Assert.Single(responses.Responses());
    }

    [Fact]
    public async Task A_paper_questionnaire_is_keyed_in_by_an_analyst_with_channel_paper()
    {
        await using var responses = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-paper");
        var analyst = harness.CreateStaffClient(StaffRoles.Analyst);

        var response = await analyst.PostAsJsonAsync("/api/paper-responses", new PaperRequest(harness.Codes[3], Complete));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await Eventually.GetAsync(() => Task.FromResult(responses.Responses().FirstOrDefault()), what: "the paper response");
        Assert.Equal(ResponseChannel.Paper, sent.Channel);
        Assert.Equal(HttpStatusCode.Unauthorized, (await resident.PostAsJsonAsync("/api/paper-responses", new PaperRequest(harness.Codes[4], Complete))).StatusCode);
    }

    [Fact]
    public async Task No_log_line_ever_contains_a_code()
    {
        foreach (var code in harness.Codes.Take(2))
        {
            var session = await StartAsync(code);
            await resident.PutAsJsonAsync("/api/answering/draft", new DraftRequest(code, 1, Complete[..1]));
            await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, session.SubmissionKey, Complete));
        }
        await resident.PostAsJsonAsync("/api/answering/start", new CodeRequest(harness.Codes[0]));
        await Task.Delay(1500);

        Assert.NotEmpty(harness.LogLines);
        foreach (var code in harness.Codes)
        {
            InvitationCode.Check(code, out var normalized);
            Assert.DoesNotContain(harness.LogLines, l => l.Contains(normalized, StringComparison.OrdinalIgnoreCase) || l.Contains(code, StringComparison.OrdinalIgnoreCase));
        }
    }
}
