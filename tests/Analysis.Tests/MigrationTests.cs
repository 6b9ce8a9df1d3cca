using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// The migration to one statistics row per cell, on a real PostgreSQL database that holds a survey as the version before kept
/// it: raw responses, and statistics rows per cell × variable and cell × pair. The service migrates it at start-up, rebuilds the
/// statistics from the raw responses, and reports what the old rows said.
/// </summary>
public sealed class MigrationTests
{
    const string PreviousMigration = "ShareCountsOnItemRows";

    static void Close(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public async Task Statistics_of_the_earlier_schema_are_rebuilt_from_the_raw_responses_with_the_same_results()
    {
        var servers = await TestServers.GetAsync();
        var connectionString = servers.NewDatabase("analysis");
        var survey = TestSurvey.Published();
        var margins = TestSurvey.Margins(survey.SurveyId, seed: 4);
        var responses = TestSurvey.Responses(survey.SurveyId, 320, seed: 9);
        var model = survey.Questionnaire.ToAnalysisModel();
        var before = new CellAggregates(model);
        foreach (var r in responses) before.Add(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers));
        await using (var db = new AnalysisDbContext(new DbContextOptionsBuilder<AnalysisDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            await StoreAsTheEarlierVersionDidAsync(db, survey, margins, responses, before);
        }
        // What the earlier version reported: from its rows, read back as its reader read them.
        var expected = YearlyReports.Build(survey.Year, margins.ToPopulationMargins(), await ReadEarlierRowsAsync(connectionString, model));

        // A host of its own: it migrates the database this test made with the earlier schema.
        await using var factory = await AnalysisApp.StartOwnAsync(database: connectionString);
        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        await Eventually.TrueAsync(() => InDbAsync(factory, async db => !await db.StatisticsRebuilds.AnyAsync()), what: "the rebuild");

        AssertSameResults(expected, (await analyst.GetFromJsonAsync<SurveyResultsDto>($"/api/surveys/{survey.SurveyId}/results", AnalysisApp.Json))!);
        var count = (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!;
        Assert.Equal((320L, 160L, 160L), (count.Respondents, count.ByDistrict["Norra"], count.ByDistrict["Södra"]));
        var rows = await InDbAsync(factory, db => db.CellStatistics.AsNoTracking().OrderBy(c => c.District).ThenBy(c => c.Sex).ThenBy(c => c.AgeGroup).ToListAsync());
        Assert.Equal(32, rows.Count);   // one per cell
        Assert.Equal(0, await ScalarAsync(connectionString,
            "SELECT count(*) FROM pg_tables WHERE tablename IN ('cell_item_statistics', 'cell_pair_statistics')"));

        // Marked again (as an operator may), the survey reads from its raw responses until rebuilt, and the rebuild is idempotent.
        await InDbAsync(factory, db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO statistics_rebuilds (survey_id, reason, requested_at) VALUES ({survey.SurveyId}, 'test', now())"));
        AssertSameResults(expected, (await analyst.GetFromJsonAsync<SurveyResultsDto>($"/api/surveys/{survey.SurveyId}/results", AnalysisApp.Json))!);
        Assert.Equal(320, (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!.Respondents);
        var rebuilder = factory.Services.GetServices<IHostedService>().OfType<StatisticsRebuilder>().Single();
        Assert.Equal(1, await InDbAsync(factory, db => rebuilder.RebuildMarkedAsync(db, CancellationToken.None)));
        Assert.Equal(0, await InDbAsync(factory, db => rebuilder.RebuildMarkedAsync(db, CancellationToken.None)));
        var again = await InDbAsync(factory, db => db.CellStatistics.AsNoTracking().OrderBy(c => c.District).ThenBy(c => c.Sex).ThenBy(c => c.AgeGroup).ToListAsync());
        Assert.Equal(rows.Select(r => (r.District, r.Sex, r.AgeGroup, r.Layout, r.Respondents)), again.Select(r => (r.District, r.Sex, r.AgeGroup, r.Layout, r.Respondents)));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Counts, again[i].Counts);
            Assert.Equal(rows[i].Sums, again[i].Sums);
        }
    }

    static void AssertSameResults(YearlyReport expected, SurveyResultsDto actual)
    {
        Assert.Equal(expected.Respondents, actual.Respondents);
        Assert.Equal(expected.Indicators.Count, actual.Indicators.Count);
        foreach (var e in expected.Indicators)
        {
            var a = actual.Indicators.Single(i => i.Key == e.Key);
            Close(e.Value, a.Value, $"{e.Key} value");
            Close(e.StandardError, a.StandardError, $"{e.Key} SE");
            Assert.Equal(e.N, a.N);
        }
        Assert.Equal(expected.Breakdowns.Count, actual.Breakdowns.Count);
        for (var b = 0; b < expected.Breakdowns.Count; b++)
            for (var g = 0; g < expected.Breakdowns[b].Groups.Count; g++)
            {
                var (want, got) = (expected.Breakdowns[b].Groups[g], actual.Breakdowns[b].Groups[g]);
                Assert.Equal((want.N, want.Suppression.ToWire()), (got.N, got.Suppression));
                if (want.Estimate is { } we) Close(we.Value, got.Estimate!.Value, $"{actual.Breakdowns[b].IndicatorKey}/{want.Group}");
            }
        foreach (var f in Assert.Single(expected.Priorities).Factors)
            Close(f.Effect, Assert.Single(actual.Priorities).Factors.Single(x => x.FactorKey == f.FactorKey).Effect, $"{f.FactorKey} effect");
    }

    /// <summary>The survey, its margins, its raw responses, and its statistics rows, as the earlier version's consumers wrote them.</summary>
    static async Task StoreAsTheEarlierVersionDidAsync(AnalysisDbContext db, SurveyPublished survey, PopulationMarginsRegistered margins,
        List<SurveyResponseSubmitted> responses, CellAggregates aggregates)
    {
        db.Surveys.Add(new AnalysedSurvey
        {
            SurveyId = survey.SurveyId, MunicipalityCode = survey.MunicipalityCode, Year = survey.Year, TitleSv = "Medborgarundersökning",
            Questionnaire = JsonSerializer.Serialize(survey.Questionnaire), PublishedAt = survey.PublishedAt,
        });
        db.PopulationMargins.AddRange(margins.Cells.Select(c => new PopulationMarginCell
        {
            SurveyId = survey.SurveyId, District = c.Stratum.District, Sex = c.Stratum.Sex, AgeGroup = c.Stratum.AgeGroup, Count = c.Count,
        }));
        db.Responses.AddRange(responses.Select(r => new AnalysedResponse
        {
            ResponseId = r.ResponseId, SurveyId = r.SurveyId, District = r.Stratum.District, Sex = r.Stratum.Sex, AgeGroup = r.Stratum.AgeGroup,
            Channel = r.Channel.ToString(), SubmittedOn = r.SubmittedOn, Answers = JsonSerializer.Serialize(r.Answers, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        }));
        await db.SaveChangesAsync();

        var model = aggregates.Model;
        var items = new List<(Cell Cell, string Key, long N, double Sum, double Squares, long Low, long Middle, long High)>();
        var pairs = new List<(Cell Cell, string Factor, string Overall, long N, double X, double Y, double XX, double XY, double YY)>();
        foreach (var (cell, s) in aggregates.Cells)
        {
            items.Add((cell, "", s.Respondents, 0, 0, 0, 0, 0));
            for (var v = 0; v < model.Variables.Count; v++)
            {
                if (s.N[v] == 0 || model.Variables[v].Kind == VariableKind.Share) continue;
                long Band(ShareBand band) => model.VariableIndex.TryGetValue(Variable.ShareKey(model.Variables[v].Key, band), out var b) ? (long)s.Sum[b] : 0;
                items.Add((cell, model.Variables[v].Key, s.N[v], s.Sum[v], s.SumOfSquares[v], Band(ShareBand.Low), Band(ShareBand.Middle), Band(ShareBand.High)));
            }
            for (var p = 0; p < model.Pairs.Count; p++)
                if (s.PairN[p] > 0)
                    pairs.Add((cell, model.Variables[model.Pairs[p].Factor].Key, model.Variables[model.Pairs[p].Overall].Key,
                        s.PairN[p], s.PairSumX[p], s.PairSumY[p], s.PairSumXX[p], s.PairSumXY[p], s.PairSumYY[p]));
        }
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares, low_count, middle_count, high_count)
            SELECT @survey, * FROM unnest(@district, @sex, @age, @key, @n, @sum, @squares, @low, @middle, @high);
            INSERT INTO cell_pair_statistics (survey_id, district, sex, age_group, factor_key, overall_key, n, sum_x, sum_y, sum_xx, sum_xy, sum_yy)
            SELECT @survey, * FROM unnest(@pair_district, @pair_sex, @pair_age, @factor, @overall, @pair_n, @x, @y, @xx, @xy, @yy);
            """, connection);
        cmd.Parameters.AddWithValue("survey", survey.SurveyId);
        void Add<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
            cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
        Add("district", NpgsqlDbType.Varchar, items.Select(i => i.Cell.District));
        Add("sex", NpgsqlDbType.Varchar, items.Select(i => i.Cell.Sex));
        Add("age", NpgsqlDbType.Varchar, items.Select(i => i.Cell.AgeGroup));
        Add("key", NpgsqlDbType.Varchar, items.Select(i => i.Key));
        Add("n", NpgsqlDbType.Bigint, items.Select(i => i.N));
        Add("sum", NpgsqlDbType.Double, items.Select(i => i.Sum));
        Add("squares", NpgsqlDbType.Double, items.Select(i => i.Squares));
        Add("low", NpgsqlDbType.Bigint, items.Select(i => i.Low));
        Add("middle", NpgsqlDbType.Bigint, items.Select(i => i.Middle));
        Add("high", NpgsqlDbType.Bigint, items.Select(i => i.High));
        Add("pair_district", NpgsqlDbType.Varchar, pairs.Select(p => p.Cell.District));
        Add("pair_sex", NpgsqlDbType.Varchar, pairs.Select(p => p.Cell.Sex));
        Add("pair_age", NpgsqlDbType.Varchar, pairs.Select(p => p.Cell.AgeGroup));
        Add("factor", NpgsqlDbType.Varchar, pairs.Select(p => p.Factor));
        Add("overall", NpgsqlDbType.Varchar, pairs.Select(p => p.Overall));
        Add("pair_n", NpgsqlDbType.Bigint, pairs.Select(p => p.N));
        Add("x", NpgsqlDbType.Double, pairs.Select(p => p.X));
        Add("y", NpgsqlDbType.Double, pairs.Select(p => p.Y));
        Add("xx", NpgsqlDbType.Double, pairs.Select(p => p.XX));
        Add("xy", NpgsqlDbType.Double, pairs.Select(p => p.XY));
        Add("yy", NpgsqlDbType.Double, pairs.Select(p => p.YY));
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The earlier version's rows as its ResultsCalculator read them: an item row carries its three shares.</summary>
    static async Task<CellAggregates> ReadEarlierRowsAsync(string connectionString, AnalysisModel model)
    {
        var aggregates = new CellAggregates(model);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var items = new NpgsqlCommand("SELECT district, sex, age_group, item_key, n, sum, sum_of_squares, low_count, middle_count, high_count FROM cell_item_statistics", connection))
        await using (var reader = await items.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var (cell, key, n) = (new Cell(reader.GetString(0), reader.GetString(1), reader.GetString(2)), reader.GetString(3), reader.GetInt64(4));
                if (key == "")
                {
                    aggregates.AddRespondents(cell, n);
                    continue;
                }
                aggregates.AddStatistic(cell, key, n, reader.GetDouble(5), reader.GetDouble(6));
                if (!model.VariableIndex.ContainsKey(Variable.ShareKey(key, ShareBand.Low))) continue;
                foreach (var (band, column) in new[] { (ShareBand.Low, 7), (ShareBand.Middle, 8), (ShareBand.High, 9) })
                    aggregates.AddStatistic(cell, Variable.ShareKey(key, band), n, reader.GetInt64(column), reader.GetInt64(column));
            }
        var pairIndex = model.Pairs.Select((p, i) => (Key: (model.Variables[p.Factor].Key, model.Variables[p.Overall].Key), i)).ToDictionary(x => x.Key, x => x.i);
        await using (var pairs = new NpgsqlCommand("SELECT district, sex, age_group, factor_key, overall_key, n, sum_x, sum_y, sum_xx, sum_xy, sum_yy FROM cell_pair_statistics", connection))
        await using (var reader = await pairs.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                aggregates.AddPairStatistic(new Cell(reader.GetString(0), reader.GetString(1), reader.GetString(2)), pairIndex[(reader.GetString(3), reader.GetString(4))],
                    reader.GetInt64(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10));
        return aggregates;
    }

    static async Task<T> InDbAsync<T>(AnalysisApp factory, Func<AnalysisDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalysisDbContext>());
    }

    static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
