using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Medborgare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// What a thousand responses cost PostgreSQL in row writes (pg_stat_user_tables: inserted + updated + deleted), with the
/// default questionnaire (78 scale items, 29 indices) over 10 districts × 16 sex-age cells: the figure the ingest target is set in.
/// The figures are written to the test output.
/// </summary>
public sealed class IngestRowWritesTests(ITestOutputHelper output)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    static readonly string[] Districts = [.. Enumerable.Range(1, 10).Select(d => $"Område {d:00}")];

    static QuestionnaireSnapshot DefaultQuestionnaire() => JsonSerializer.Deserialize<QuestionnaireSnapshot>(File.ReadAllText(
        Path.Combine(TestServers.RepositoryRoot(), "services", "Distribution", "Questionnaires", "default-questionnaire.json")), Json)!;

    static List<SurveyResponseSubmitted> Responses(Guid surveyId, QuestionnaireSnapshot questionnaire, int count, int seed)
    {
        var random = new Random(seed);
        var scales = questionnaire.Sections.SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.Scale).Select(q => q.Key).ToList();
        return [.. Enumerable.Range(0, count).Select(_ => new SurveyResponseSubmitted
        {
            ResponseId = Guid.NewGuid(), SurveyId = surveyId, Channel = ResponseChannel.Web, SubmittedOn = new DateOnly(2026, 3, 1),
            Stratum = new Stratum
            {
                District = Districts[random.Next(Districts.Length)], Sex = Demography.Sexes[random.Next(2)],
                AgeGroup = Demography.AgeGroups[random.Next(Demography.AgeGroups.Count)],
            },
            Answers = [.. scales.Where(_ => random.NextDouble() > 0.3)
                .Select(key => new Answer { QuestionKey = key, Number = random.NextDouble() < 0.1 ? null : random.Next(1, 11) })],
        })];
    }

    /// <summary>Before one row per cell (single messages, cell × variable rows): 97.4 statistics rows per response, 99.4 in all.</summary>
    [Theory]
    [InlineData(1, 1.5)]
    [InlineData(100, 1.0)]
    public async Task A_thousand_responses_write_about_a_row_each_and_less_than_one_per_cell_touched(int perMessage, double statisticsRowsPerResponse)
    {
        // A host and database of each case's own: the figures written out (pg_stat_user_tables, HOT updates, TOAST size) are the
        // database's since it was made, and must be this case's thousand responses only.
        await using var factory = await AnalysisApp.StartOwnAsync();
        var questionnaire = DefaultQuestionnaire();
        var survey = new SurveyPublished
        {
            SurveyId = Guid.NewGuid(), MunicipalityCode = "2480", Year = 2026, PublishedAt = DateTimeOffset.UtcNow, Questionnaire = questionnaire,
        };
        await TestMessages.PublishAsync(factory.BrokerConnectionString, survey, Guid.NewGuid());
        await TestMessages.PublishAsync(factory.BrokerConnectionString, new PopulationMarginsRegistered
        {
            SurveyId = survey.SurveyId,
            Cells = [.. from d in Districts from x in Demography.Sexes from a in Demography.AgeGroups
                        select new PopulationCell { Stratum = new Stratum { District = d, Sex = x, AgeGroup = a }, Count = 2000 }],
        }, Guid.NewGuid());
        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        await Eventually.TrueAsync(async () => (await analyst.GetAsync($"/api/surveys/{survey.SurveyId}")).IsSuccessStatusCode, what: "the survey");
        var responses = Responses(survey.SurveyId, questionnaire, 1000, seed: 3);
        await Task.Delay(2000);
        var before = await RowWritesAsync(factory.DatabaseConnectionString);

        if (perMessage == 1) await TestMessages.PublishAllAsync(factory.BrokerConnectionString, [.. responses.Select(r => (r, Guid.NewGuid()))]);
        else await TestMessages.PublishAllAsync(factory.BrokerConnectionString,
            [.. responses.Chunk(perMessage).Select(c => (new SurveyResponsesSubmitted { Responses = c }, Guid.NewGuid()))]);

        await Eventually.TrueAsync(async () => (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!
            .Respondents == responses.Count, TimeSpan.FromSeconds(120), "every response to be counted");
        await Task.Delay(2500);   // each backend reports its counters when idle, at most once a second
        var after = await RowWritesAsync(factory.DatabaseConnectionString);
        long Written(string table) => after.GetValueOrDefault(table) - before.GetValueOrDefault(table);
        foreach (var table in after.Keys.Order()) output.WriteLine($"{table}: {Written(table)} rows written for {responses.Count} responses, {perMessage} a message");
        var all = after.Values.Sum() - before.Values.Sum();
        output.WriteLine($"all tables: {all}");
        output.WriteLine(await ScalarAsync(factory.DatabaseConnectionString, """
            SELECT format('cell_statistics: %s rows of %s bytes on average, %s of %s updates HOT, TOAST table %s bytes',
                (SELECT count(*) FROM cell_statistics), (SELECT round(avg(pg_column_size(c.*))) FROM cell_statistics c),
                s.n_tup_hot_upd, s.n_tup_upd, pg_relation_size(c.reltoastrelid))
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'cell_statistics'
            """));

        // And what reading them back for a report costs (the kernel's part is bench/Statistics.Benchmarks).
        (await analyst.GetAsync($"/api/surveys/{survey.SurveyId}/results")).EnsureSuccessStatusCode();
        using (var scope = factory.Services.CreateScope())
        {
            var calculator = scope.ServiceProvider.GetRequiredService<ResultsCalculator>();
            var definition = (await calculator.FindSurveyAsync(survey.SurveyId, CancellationToken.None))!;
            var best = TimeSpan.MaxValue;
            for (var run = 0; run < 20; run++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await calculator.AggregatesAsync(definition, CancellationToken.None);
                if (clock.Elapsed < best) best = clock.Elapsed;
            }
            output.WriteLine($"reading the survey's cell statistics: {best.TotalMilliseconds:F1} ms (best of 20)");
        }

        Assert.Equal(responses.Count, Written("responses"));
        Assert.InRange(Written("cell_statistics"), 1, statisticsRowsPerResponse * responses.Count);
        Assert.Equal(all, Written("responses") + Written("inbox_messages") + Written("cell_statistics"));
    }

    static async Task<Dictionary<string, long>> RowWritesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT relname::text, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables", connection);
        var writes = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) writes[reader.GetString(0)] = reader.GetInt64(1);
        return writes;
    }

    static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
