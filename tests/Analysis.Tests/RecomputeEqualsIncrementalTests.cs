using Medborgare.Analysis.Results;
using Medborgare.Contracts;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// The live report from the per-cell statistics kept by the consumer equals a full recompute from raw responses,
/// after responses came through RabbitMQ in batches and some were redelivered.
/// </summary>
public sealed class RecomputeEqualsIncrementalTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    static void Close(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public async Task The_report_from_cell_statistics_equals_a_recompute_from_the_raw_responses()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = TestSurvey.Margins(survey.SurveyId, seed: 7);
        await service.StartSurveyAsync(survey, margins);
        var responses = TestSurvey.Responses(survey.SurveyId, 320, seed: 11);

        await service.SendResponsesAsync(survey.SurveyId, responses, redelivered: 60);

        var live = await service.ResultsAsync(survey.SurveyId);
        var raw = await service.ResultsAsync(survey.SurveyId, "raw");
        // And independently of the service's storage: the kernel's recompute from the responses as sent.
        var model = survey.Questionnaire.ToAnalysisModel();
        var expected = YearlyReports.Recompute(survey.Year, margins.ToPopulationMargins(), model,
            responses.Select(r => new RawRespondent(r.Stratum.ToCell(), model.ToAnswerVector(r.Answers))));

        Assert.Equal(ApiContracts.Analysis.CalibrationStatus.Converged, live.Calibration.Status);
        Assert.Equal(320, live.Respondents);
        Assert.Equal(expected.Indicators.Count, live.Indicators.Count);
        Assert.True(live.Indicators.Count >= 7 + 21 + 3, "items, shares, factors and the overall index");
        foreach (var e in expected.Indicators)
        {
            foreach (var actual in new[] { live.Indicators.Single(i => i.Key == e.Key), raw.Indicators.Single(i => i.Key == e.Key) })
            {
                Close(e.Value, actual.Value, $"{e.Key} value");
                Close(e.StandardError, actual.StandardError, $"{e.Key} SE");
                Assert.Equal(e.N, actual.N);
            }
        }
        Assert.Equal(expected.Breakdowns.Count, live.Breakdowns.Count);
        for (var b = 0; b < expected.Breakdowns.Count; b++)
            for (var g = 0; g < expected.Breakdowns[b].Groups.Count; g++)
            {
                var (want, got) = (expected.Breakdowns[b].Groups[g], live.Breakdowns[b].Groups[g]);
                Assert.Equal((want.N, want.Suppression.ToWire()), (got.N, got.Suppression));
                if (want.Estimate is { } we) Close(we.StandardError, got.Estimate!.StandardError, $"{live.Breakdowns[b].IndicatorKey}/{want.Group} SE");
            }
        var wantMatrix = Assert.Single(expected.Priorities);
        var gotMatrix = Assert.Single(live.Priorities);
        foreach (var f in wantMatrix.Factors)
        {
            var got = gotMatrix.Factors.Single(x => x.FactorKey == f.FactorKey);
            Close(f.Effect, got.Effect, $"{f.FactorKey} effect");
            Assert.Equal(f.Quadrant.ToWire(), got.Quadrant);
        }
    }
}
