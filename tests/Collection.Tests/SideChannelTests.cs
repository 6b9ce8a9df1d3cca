using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Contracts;
using Medborgare.Testing;
using Npgsql;
using static Medborgare.Collection.Apis.AnsweringApi;

namespace Medborgare.Collection.Tests;

/// <summary>
/// DESIGN §5 and §10 on the real database: nothing in collectiondb pairs a code (its invitation, its submission mark) with the
/// answers, at any moment. Each response carries a marker text of its own; every row of every table is searched for it right
/// after each submit, and again after the "answered" flags have been announced, and the transaction ids (xmin) of the
/// submission marks are looked for on every other row.
/// </summary>
public sealed class SideChannelTests(CollectionApp harness) : IClassFixture<CollectionApp>, IAsyncLifetime
{
    const int Responses = 6;

    public Task InitializeAsync() => harness.OpenSurveyAsync(codes: Responses);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_row_pairs_a_submission_or_invitation_with_answers_right_after_the_submit_or_after_the_announcer()
    {
        await using var sent = await TestBus<SurveyResponsesSubmitted>.StartAsync(harness.BrokerConnectionString, "test-side-channel");
        var resident = harness.CreateClient();
        var markers = new List<string>();
        for (var i = 0; i < Responses; i++)
        {
            var code = harness.Codes[i];
            var marker = $"markör-{Guid.NewGuid():N}";
            markers.Add(marker);
            var session = (await (await resident.PostAsJsonAsync("/api/answering/start", new CodeRequest(code))).Content.ReadFromJsonAsync<JsonElement>());
            Answer[] answers = [new() { QuestionKey = "barn", Choices = ["nej"] }, new() { QuestionKey = "nojd", Number = 3 + i }, new() { QuestionKey = "kommentar", Text = marker }];
            // A page saved first, as residents do: the draft holds the answers while they answer.
            Assert.Equal(HttpStatusCode.NoContent, (await resident.PutAsJsonAsync("/api/answering/draft", new DraftRequest(code, 1, answers))).StatusCode);
            Assert.True(await RowsContainingAsync(marker) > 0, "the draft holds the answers while the resident answers");

            var submitted = await resident.PostAsJsonAsync("/api/answering/submit",
                new SubmitRequest(code, session.GetProperty("submissionKey").GetGuid(), answers));
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

            // Right after the submit: the answers of every response so far are nowhere in the database, and no row was
            // written in the transaction of any submission mark but the mark itself.
            foreach (var m in markers) Assert.Equal(0, await RowsContainingAsync(m));
            Assert.Empty(await RowsSharingASubmissionsTransactionAsync());
        }

        // Every response reached the broker, with nothing that points back to its code.
        await Eventually.TrueAsync(() => Task.FromResult(sent.Responses().Count >= Responses), what: "the responses");
        Assert.Equal(markers.Order(), sent.Responses().Select(r => r.Answers.Single(a => a.QuestionKey == "kommentar").Text!).Order());
        Assert.All(sent.Responses(), r => Assert.Equal(4, r.ResponseId.Version));

        // After the answered flags have been sent (their batches leave the outbox after the responses): still no answers, still
        // no shared transaction.
        await Eventually.TrueAsync(async () => await harness.CountAsync(db => db.OutboxMessages) == 0, what: "the answered flags to be sent");
        foreach (var m in markers) Assert.Equal(0, await RowsContainingAsync(m));
        Assert.Empty(await RowsSharingASubmissionsTransactionAsync());
        Assert.Equal(0, await harness.CountAsync(db => db.Drafts));
        Assert.Equal(Responses, await harness.CountAsync(db => db.Submissions));
    }

    /// <summary>Rows of any table whose text holds <paramref name="marker"/>.</summary>
    async Task<long> RowsContainingAsync(string marker)
    {
        var count = 0L;
        foreach (var table in await TablesAsync())
        {
            count += await ScalarAsync<long>($"SELECT count(*) FROM \"{table}\" t WHERE row_to_json(t)::text LIKE '%' || @marker || '%'", ("marker", marker));
        }
        return count;
    }

    /// <summary>
    /// Rows that hold answers and were written in the same transaction as a submission mark (same xmin): a draft, an outbox row of
    /// responses, or a mark whose response is still waiting. (The answered flags, which hold code hashes and no answers, may share
    /// a transaction with the marks they report: that pairs an invitation with itself.)
    /// </summary>
    async Task<List<string>> RowsSharingASubmissionsTransactionAsync()
    {
        var found = new List<string>();
        foreach (var (what, sql) in new[]
        {
            ("drafts", "SELECT count(*) FROM drafts WHERE xmin::text IN (SELECT xmin::text FROM submissions)"),
            ("outbox responses", "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%Response%' AND xmin::text IN (SELECT xmin::text FROM submissions)"),
            ("waiting responses", "SELECT count(*) FROM submissions WHERE pending_answers IS NOT NULL"),
        })
        {
            var n = await ScalarAsync<long>(sql);
            if (n > 0) found.Add($"{what}: {n}");
        }
        return found;
    }

    async Task<List<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(harness.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(harness.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
