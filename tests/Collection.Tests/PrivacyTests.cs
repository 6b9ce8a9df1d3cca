using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.Testing;
using Npgsql;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

/// <summary>The schema itself cannot join a response to a code, and what leaves for Analysis carries nothing that points back.</summary>
public sealed class PrivacyTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    const int Codes = 12;

    public Task InitializeAsync() => harness.OpenSurveyAsync(codes: Codes);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Only_the_draft_and_a_waiting_submission_hold_answers_and_the_mark_has_no_time_and_no_link()
    {
        await using var connection = new NpgsqlConnection(harness.DatabaseConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var cmd = new NpgsqlCommand("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        // No copy of the responses: answers live in the resident's draft only, until the submission is sent on.
        Assert.DoesNotContain(columns, c => c.Table == "responses");
        Assert.Equal(["drafts", "submissions"], columns.Where(c => c.Column.EndsWith("answers", StringComparison.Ordinal)).Select(c => c.Table).Distinct().Order());
        // The mark that a code was used carries the day at most; the response, with its id and time queued, only while it waits to
        // be sent (SideChannelTests shows that those columns are empty once the submit has answered).
        var mark = columns.Where(c => c.Table == "submissions" && !c.Column.StartsWith("pending_", StringComparison.Ordinal)).ToList();
        Assert.Equal(["invitation_id", "receipt_number", "submission_key", "submitted_on"], mark.Select(c => c.Column).Order());
        Assert.Equal("date", mark.Single(c => c.Column == "submitted_on").Type);
        Assert.DoesNotContain(columns.Where(c => c.Table == "invitations"), c => c.Column.Contains("response") || c.Column.Contains("answer"));

        await using var fk = new NpgsqlCommand("""
            SELECT count(*) FROM information_schema.table_constraints
            WHERE constraint_type = 'FOREIGN KEY' AND table_name IN ('submissions', 'drafts', 'invitations')
            """, connection);
        Assert.Equal(0L, (long)(await fk.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Response_ids_that_reach_the_broker_are_random_not_time_ordered()
    {
        await using var sent = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-response-ids");
        var resident = harness.CreateClient();
        foreach (var code in harness.Codes)
        {
            var session = await (await resident.PostAsJsonAsync("/api/answering/start", new CodeRequest(code))).Content.ReadFromJsonAsync<JsonElement>();
            var submitted = await resident.PostAsJsonAsync("/api/answering/submit", new SubmitRequest(code, session.GetProperty("submissionKey").GetGuid(),
                [new() { QuestionKey = "barn", Choices = ["nej"] }]));
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        await Eventually.TrueAsync(() => Task.FromResult(sent.Responses().Count == Codes), what: "every response");
        var ids = sent.Responses().Select(r => r.ResponseId).ToList();
        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.Equal(Codes, ids.Distinct().Count());
        // Version 4 is random; nor do the ids, taken in the order they were sent, follow a sort order (as a sequence would).
        Assert.False(ids.SequenceEqual(ids.Order()) && ids.SequenceEqual(ids.OrderBy(i => i.ToString())), "ids in ascending order");
    }
}
