using System.Net;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.Statistics;
using Medborgare.Testing;

namespace Medborgare.Analysis.Tests;

/// <summary>Publishing stores the figures and announces every indicator once, compared with last year's publication.</summary>
public sealed class PublishTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    async Task<SurveyResultsPublished> PublishedAsync(Guid surveyId, int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(service.Bus.Received.Count(m => m.Message.SurveyId == surveyId) >= count),
            what: $"SurveyResultsPublished #{count}");
        return service.Bus.Received.Where(m => m.Message.SurveyId == surveyId).Skip(count - 1).First().Message;
    }

    [Fact]
    public async Task Publishing_two_years_sends_every_indicator_with_the_change_since_last_year()
    {
        var municipality = AnalysisApp.NewMunicipality();
        var lastYear = TestSurvey.Published(2025, municipality);
        var thisYear = TestSurvey.Published(2026, municipality);
        await service.StartSurveyAsync(lastYear, TestSurvey.Margins(lastYear.SurveyId, seed: 3));
        await service.StartSurveyAsync(thisYear, TestSurvey.Margins(thisYear.SurveyId, seed: 3));
        await service.SendResponsesAsync(lastYear.SurveyId, TestSurvey.Responses(lastYear.SurveyId, 320, seed: 5));
        await service.SendResponsesAsync(thisYear.SurveyId, TestSurvey.Responses(thisYear.SurveyId, 320, seed: 6, shift: 2));

        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{lastYear.SurveyId}/results/publish", null)).StatusCode);
        var first = await PublishedAsync(lastYear.SurveyId, 1);
        var before = await service.ResultsAsync(lastYear.SurveyId);
        Assert.Equal(ResultStatus.Published, before.Status);
        Assert.NotNull(before.PublishedAt);
        Assert.Equal(before.Indicators.Select(i => i.Key).Order(), first.Indicators.Select(i => i.Key).Order());
        Assert.All(first.Indicators, i => Assert.Equal(ChangeSignificance.NoComparison, i.ChangeVsLastYear));
        Assert.Equal(Contracts.IndicatorKind.Share, first.Indicators.Single(i => i.Key == "q1:low").Kind);
        Assert.Equal(Contracts.IndicatorKind.Index, first.Indicators.Single(i => i.Key == "NMI.f1").Kind);
        Assert.Equal(["trygghet"], first.Indicators.Single(i => i.Key == "NMI.f1").GoalAreaTags);

        // The priority matrix travels with the figures, each factor tagged and named as its factor index.
        var factors = before.Priorities.SelectMany(m => m.Factors.Select(f => (m.OverallKey, f))).ToList();
        Assert.NotEmpty(factors);
        Assert.Equal(factors.Count, first.Priorities.Count);
        foreach (var (overall, factor) in factors)
        {
            var sent = first.Priorities.Single(p => p.OverallKey == overall && p.FactorKey == factor.FactorKey);
            Assert.Equal((factor.Score, factor.Effect, factor.N, factor.Quadrant.ToString()), (sent.Score, sent.Effect, (long)sent.N, sent.Quadrant.ToString()));
            Assert.Equal(before.Indicators.Single(i => i.Key == factor.FactorKey).GoalAreaTags, sent.GoalAreaTags);
            Assert.Equal(before.Indicators.Single(i => i.Key == factor.FactorKey).Name.Sv, sent.NameSv);
        }

        var now = await service.ResultsAsync(thisYear.SurveyId);
        var trend = now.Trends.Single(t => t.Key == "NMI");
        Assert.Equal([2025, 2026], trend.Years.Select(y => y.Year));
        Assert.Equal(before.Indicators.Single(i => i.Key == "NMI").Value, trend.Years[0].Value, 12);

        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{thisYear.SurveyId}/results/publish", null)).StatusCode);
        var second = await PublishedAsync(thisYear.SurveyId, 1);
        Assert.Equal(now.Indicators.Count, second.Indicators.Count);
        foreach (var indicator in second.Indicators)
        {
            var then = before.Indicators.Single(i => i.Key == indicator.Key);
            var current = now.Indicators.Single(i => i.Key == indicator.Key);
            var expected = YearOverYear.Compare(2025, then.Value, then.StandardError, 2026, current.Value, current.StandardError).Direction switch
            {
                Statistics.ChangeDirection.Increase => ChangeSignificance.SignificantIncrease,
                Statistics.ChangeDirection.Decrease => ChangeSignificance.SignificantDecrease,
                _ => ChangeSignificance.NotSignificant,
            };
            Assert.Equal(expected, indicator.ChangeVsLastYear);
            Assert.Equal(then.Value, indicator.PreviousValue!.Value, 12);
            Assert.Equal((current.Value, current.CiLow, current.CiHigh, current.N), (indicator.Value, indicator.CiLow, indicator.CiHigh, (long)indicator.N));
        }
        Assert.Equal(ChangeSignificance.SignificantIncrease, second.Indicators.Single(i => i.Key == "NMI").ChangeVsLastYear);   // two points up on every answer

        await Task.Delay(1000);
        Assert.Single(service.Bus.Received, m => m.Message.SurveyId == thisYear.SurveyId);

        // Publishing again replaces the snapshot and announces again.
        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{thisYear.SurveyId}/results/publish", null)).StatusCode);
        await PublishedAsync(thisYear.SurveyId, 2);
    }

    [Fact]
    public async Task Published_results_kept_current_are_republished_by_later_answers_and_otherwise_left_alone()
    {
        var municipality = AnalysisApp.NewMunicipality();
        var kept = TestSurvey.Published(2027, municipality);
        var fixedOnce = TestSurvey.Published(2028, municipality);
        foreach (var survey in new[] { kept, fixedOnce })
        {
            await service.StartSurveyAsync(survey, TestSurvey.Margins(survey.SurveyId, seed: 3));
            await service.SendResponsesAsync(survey.SurveyId, TestSurvey.Responses(survey.SurveyId, 320, seed: 7));
        }
        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{kept.SurveyId}/results/publish?keepCurrent=true", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{fixedOnce.SurveyId}/results/publish", null)).StatusCode);
        var firstN = (await PublishedAsync(kept.SurveyId, 1)).Indicators.Single(i => i.Key == "NMI").N;
        await PublishedAsync(fixedOnce.SurveyId, 1);
        Assert.True((await service.ResultsAsync(kept.SurveyId)).KeepPublishedCurrent);

        // Ten late answers to each survey.
        foreach (var survey in new[] { kept, fixedOnce })
            foreach (var late in TestSurvey.Responses(survey.SurveyId, 10, seed: 8)) await service.PublishAsync(late);

        // The kept survey's figures follow the answers: a republication has the NMI of all 330 respondents.
        await Eventually.TrueAsync(async () => (await service.ResultsAsync(kept.SurveyId)).Respondents == 330, what: "the late answers counted");
        var current = (await service.ResultsAsync(kept.SurveyId)).Indicators.Single(i => i.Key == "NMI");
        Assert.True(current.N > firstN);
        await Eventually.TrueAsync(() => Task.FromResult(service.Bus.Received.Where(m => m.Message.SurveyId == kept.SurveyId)
            .Any(m => m.Message.Indicators.Single(i => i.Key == "NMI") is var nmi && nmi.N == current.N && Math.Abs(nmi.Value - current.Value) < 1e-9)),
            what: "a republication counting the late answers");

        // The other survey counts them too, but its published figures wait for the analyst.
        await Eventually.TrueAsync(async () => (await service.ResultsAsync(fixedOnce.SurveyId)).Respondents == 330, what: "the late answers counted");
        await Task.Delay(1000);
        Assert.Single(service.Bus.Received, m => m.Message.SurveyId == fixedOnce.SurveyId);
    }

    [Fact]
    public async Task Keeping_results_current_can_be_stopped_and_later_answers_then_wait_for_the_analyst()
    {
        var survey = TestSurvey.Published(2029, AnalysisApp.NewMunicipality());
        await service.StartSurveyAsync(survey, TestSurvey.Margins(survey.SurveyId, seed: 3));
        await service.SendResponsesAsync(survey.SurveyId, TestSurvey.Responses(survey.SurveyId, 320, seed: 7));
        Assert.Equal(HttpStatusCode.OK, (await service.Analyst.PostAsync($"/api/surveys/{survey.SurveyId}/results/publish?keepCurrent=true", null)).StatusCode);
        await PublishedAsync(survey.SurveyId, 1);

        // Stopped twice (a double click): the same as once.
        Assert.Equal(HttpStatusCode.NoContent, (await service.Analyst.DeleteAsync($"/api/surveys/{survey.SurveyId}/results/keep-current")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await service.Analyst.DeleteAsync($"/api/surveys/{survey.SurveyId}/results/keep-current")).StatusCode);
        Assert.False((await service.ResultsAsync(survey.SurveyId)).KeepPublishedCurrent);

        // Late answers are counted, but the published figures wait for the analyst.
        foreach (var late in TestSurvey.Responses(survey.SurveyId, 10, seed: 8)) await service.PublishAsync(late);
        await Eventually.TrueAsync(async () => (await service.ResultsAsync(survey.SurveyId)).Respondents == 330, what: "the late answers counted");
        await Task.Delay(1000);
        Assert.Single(service.Bus.Received, m => m.Message.SurveyId == survey.SurveyId);
    }

    [Fact]
    public async Task Stopping_keep_current_for_an_unknown_survey_is_a_404()
    {
        var response = await service.Analyst.DeleteAsync($"/api/surveys/{Guid.NewGuid()}/results/keep-current");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_keep_current_flag_is_a_400_problem()
    {
        var response = await service.Analyst.PostAsync($"/api/surveys/{Guid.NewGuid()}/results/publish?keepCurrent=perhaps", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
