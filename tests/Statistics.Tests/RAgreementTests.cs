namespace Medborgare.Statistics.Tests;

/// <summary>
/// Estimates and SEs equal R's survey package (svydesign + calibrate(raking) + svymean/svyby, see R/expected.R)
/// to 1e-6 relative, on three committed data sets, by both the per-cell path and the per-respondent path.
/// </summary>
public class RAgreementTests
{
    const double Tolerance = 1e-6;

    public static TheoryData<string> Sets => new() { "unequal", "missing", "collapsed" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Means_and_standard_errors_equal_R_survey_on_both_paths(string set)
    {
        var respondents = ReferenceData.Respondents(set);
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in respondents) aggregates.Add(r.Cell, r.Answers);
        var calibration = Raking.Calibrate(ReferenceData.Population(set), Raking.RespondentsPerCell(aggregates), new RakingOptions { Tolerance = 1e-13 });
        Assert.Equal(CalibrationStatus.Converged, calibration.Status);
        var weights = calibration.Weights!;
        var cells = new CellEstimator(weights, aggregates);
        var raw = new RawEstimator(weights, ReferenceData.Model, respondents);

        var expected = ReferenceData.ExpectedValues().Where(e => e.Set == set && !e.Key.StartsWith("slope:")).ToList();
        Assert.True(expected.Count > 200, $"only {expected.Count} expected values for {set}");
        foreach (var e in expected)
        {
            var v = ReferenceData.Model.VariableIndex[e.Key];
            var domain = e.Dimension switch
            {
                "all" => CellDomain.All,
                "district" => new CellDomain(CellDimension.District, weights.Districts.ToList().IndexOf(e.Group)),
                "agegroup" => new CellDomain(CellDimension.AgeGroup, Demography.AgeIndex(e.Group)),
                "sex" => new CellDomain(CellDimension.Sex, Demography.SexIndex(e.Group)),
                _ => throw new InvalidOperationException(e.Dimension),
            };
            foreach (var (path, estimate) in new[] { ("cells", cells.Mean(v, domain)), ("raw", raw.Mean(v, domain)) })
            {
                Assert.NotNull(estimate);
                AssertClose(e.Mean, estimate!.Mean, $"{set} {e.Key} {e.Dimension}={e.Group} mean ({path})");
                AssertClose(e.StandardError, estimate.StandardError, $"{set} {e.Key} {e.Dimension}={e.Group} SE ({path})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Priority_slopes_equal_R_svyglm(string set)
    {
        var respondents = ReferenceData.Respondents(set);
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in respondents) aggregates.Add(r.Cell, r.Answers);
        var weights = Raking.Calibrate(ReferenceData.Population(set), Raking.RespondentsPerCell(aggregates), new RakingOptions { Tolerance = 1e-13 }).Weights!;
        var cells = new CellEstimator(weights, aggregates);
        var raw = new RawEstimator(weights, ReferenceData.Model, respondents);
        foreach (var e in ReferenceData.ExpectedValues().Where(e => e.Set == set && e.Key.StartsWith("slope:")))
        {
            var factor = ReferenceData.Model.VariableIndex[e.Key["slope:".Length..]];
            var pair = ReferenceData.Model.Pairs.ToList().FindIndex(p => p.Factor == factor);
            AssertClose(e.Mean, cells.Slope(pair)!.Value.Slope, $"{set} {e.Key} (cells)");
            AssertClose(e.Mean, raw.Slope(pair)!.Value.Slope, $"{set} {e.Key} (raw)");
        }
    }

    [Fact]
    public void The_collapsed_set_reports_its_collapsed_cells()
    {
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in ReferenceData.Respondents("collapsed")) aggregates.Add(r.Cell, r.Answers);
        var calibration = Raking.Calibrate(ReferenceData.Population("collapsed"), Raking.RespondentsPerCell(aggregates));
        Assert.Equal(["K:75-84+85+", "M:16-24+25-34"], calibration.Collapsed.Select(c => c.Label));
    }

    static void AssertClose(double expected, double actual, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:G3})");
    }
}
