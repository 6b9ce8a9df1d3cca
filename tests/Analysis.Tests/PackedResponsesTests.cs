using System.Net.Http.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.Statistics;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// Responses packed as Collection's release rounds send them (<see cref="SurveyResponsesSubmitted"/>, random order, uneven sizes)
/// over real RabbitMQ: each counted once, whether its message is redelivered, it arrives again in another packed message, or also
/// as a single message (an outbox row from before the upgrade), or its survey's statistics are rebuilt meanwhile; and the live
/// figures equal a recompute.
/// </summary>
public sealed class PackedResponsesTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    static void Close(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public async Task Each_response_is_counted_once_however_often_and_in_whatever_message_it_arrives()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = TestSurvey.Margins(survey.SurveyId, seed: 12);
        await service.StartSurveyAsync(survey, margins);
        var responses = TestSurvey.Responses(survey.SurveyId, 480, seed: 13);
        var random = new Random(14);
        var packs = new List<(SurveyResponsesSubmitted Message, Guid MessageId)>();
        var shuffled = responses.OrderBy(_ => random.Next()).ToList();
        for (var at = 0; at < shuffled.Count;)
        {
            var size = Math.Min(random.Next(10, 90), shuffled.Count - at);
            packs.Add((new SurveyResponsesSubmitted { Responses = shuffled.GetRange(at, size) }, Guid.NewGuid()));
            at += size;
        }
        // A message sent twice; a release round Collection sent again under a new MessageId after a crash, partly overlapping;
        // and some of the same responses as single messages.
        var again = (new SurveyResponsesSubmitted { Responses = [.. shuffled.Take(30), .. shuffled.Skip(200).Take(30)] }, Guid.NewGuid());
        var singles = shuffled.Skip(100).Take(20).Select(r => (r, Guid.NewGuid())).ToList();

        await Task.WhenAll(
            TestMessages.PublishAllAsync(service.Factory.BrokerConnectionString, [.. packs, packs[3], again]),
            TestMessages.PublishAllAsync(service.Factory.BrokerConnectionString, singles));

        await Eventually.TrueAsync(async () => (await service.Analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!
            .Respondents == responses.Count, TimeSpan.FromSeconds(60), $"{responses.Count} respondents");
        // Every delivery consumed: a response counted twice would show now.
        foreach (var (_, id) in packs) await service.Factory.Consumed.WaitForAsync(id, id == packs[3].MessageId ? 2 : 1);
        await service.Factory.Consumed.WaitForAsync(again.Item2, 1);
        foreach (var (_, id) in singles) await service.Factory.Consumed.WaitForAsync(id, 1);

        var live = await service.ResultsAsync(survey.SurveyId);
        var raw = await service.ResultsAsync(survey.SurveyId, "raw");
        var model = survey.Questionnaire.ToAnalysisModel();
        var expected = YearlyReports.Recompute(survey.Year, margins.ToPopulationMargins(), model,
            responses.Select(r => new RawRespondent(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers))));
        Assert.Equal((responses.Count, responses.Count), (live.Respondents, raw.Respondents));
        foreach (var e in expected.Indicators)
            foreach (var actual in new[] { live.Indicators.Single(i => i.Key == e.Key), raw.Indicators.Single(i => i.Key == e.Key) })
            {
                Close(e.Value, actual.Value, $"{e.Key} value");
                Close(e.StandardError, actual.StandardError, $"{e.Key} SE");
                Assert.Equal(e.N, actual.N);
            }
        foreach (var f in Assert.Single(expected.Priorities).Factors)
            Close(f.Effect, Assert.Single(live.Priorities).Factors.Single(x => x.FactorKey == f.FactorKey).Effect, $"{f.FactorKey} effect");
    }

    [Fact]
    public async Task Statistics_rebuilt_while_responses_arrive_lose_none_and_count_none_twice()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = TestSurvey.Margins(survey.SurveyId, seed: 15);
        await service.StartSurveyAsync(survey, margins);
        var responses = TestSurvey.Responses(survey.SurveyId, 480, seed: 16);
        var packs = responses.Chunk(8).Select(c => (Message: new SurveyResponsesSubmitted { Responses = c }, MessageId: Guid.NewGuid())).ToList();
        await TestMessages.PublishAllAsync(service.Factory.BrokerConnectionString, packs[..20]);
        await service.Factory.Consumed.WaitForAsync(packs[19].MessageId, 1);
        var rebuilder = service.Factory.Services.GetServices<IHostedService>().OfType<StatisticsRebuilder>().Single();

        // The rest arrive a few at a time while the survey is marked and rebuilt, again and again.
        var sending = Task.Run(async () =>
        {
            foreach (var chunk in packs[20..].Chunk(4)) await TestMessages.PublishAllAsync(service.Factory.BrokerConnectionString, chunk);
        });
        var rebuilds = new List<int>();
        while (!sending.IsCompleted || rebuilds.Count < 3)
        {
            rebuilds.Add(await InDbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO statistics_rebuilds (survey_id, reason, requested_at) VALUES ({survey.SurveyId}, 'test', now()) ON CONFLICT DO NOTHING");
                return await rebuilder.RebuildMarkedAsync(db, CancellationToken.None);
            }));
        }
        await sending;
        Assert.All(rebuilds, r => Assert.Equal(1, r));   // none failed on a row a batch wrote meanwhile

        await Eventually.TrueAsync(async () => (await service.Analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!
            .Respondents == responses.Count, TimeSpan.FromSeconds(60), $"{responses.Count} respondents");
        foreach (var (_, id) in packs) await service.Factory.Consumed.WaitForAsync(id, 1);
        Assert.False(await InDbAsync(db => db.StatisticsRebuilds.AnyAsync()));   // so the results below come from the cell statistics

        var live = await service.ResultsAsync(survey.SurveyId);
        var model = survey.Questionnaire.ToAnalysisModel();
        var expected = YearlyReports.Recompute(survey.Year, margins.ToPopulationMargins(), model,
            responses.Select(r => new RawRespondent(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers))));
        Assert.Equal(responses.Count, live.Respondents);
        foreach (var e in expected.Indicators)
        {
            var actual = live.Indicators.Single(i => i.Key == e.Key);
            Close(e.Value, actual.Value, $"{e.Key} value");
            Close(e.StandardError, actual.StandardError, $"{e.Key} SE");
            Assert.Equal(e.N, actual.N);
        }
    }

    async Task<T> InDbAsync<T>(Func<AnalysisDbContext, Task<T>> query)
    {
        using var scope = service.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalysisDbContext>());
    }
}
