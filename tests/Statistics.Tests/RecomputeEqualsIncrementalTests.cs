namespace Medborgare.Statistics.Tests;

/// <summary>
/// Property: on random data sets, aggregates built one response at a time, or merged from random parts, give the
/// same report as a recompute from raw responses, and the per-cell estimates equal the per-respondent ones.
/// </summary>
public class RecomputeEqualsIncrementalTests
{
    const double Tolerance = 1e-9;

    static (PopulationMargins Population, List<RawRespondent> Respondents) RandomSurvey(Random random)
    {
        var districts = Enumerable.Range(0, random.Next(2, 6)).Select(i => $"D{i}").ToList();
        var cells = (from d in districts from s in Demography.Sexes from a in Demography.AgeGroups select new Cell(d, s, a)).ToList();
        var population = new PopulationMargins(cells.Select(c => KeyValuePair.Create(c, (long)random.Next(200, 3000))));
        var respondents = new List<RawRespondent>();
        var n = random.Next(120, 400);
        var missing = random.NextDouble() * 0.6;
        for (var i = 0; i < n; i++)
        {
            var cell = cells[random.Next(cells.Count)];
            var level = 3 + random.NextDouble() * 6;
            var answers = ReferenceData.ItemKeys.Select(_ => random.NextDouble() < missing ? double.NaN
                : Math.Clamp(Math.Round(level + (random.NextDouble() - 0.5) * 4), 1, 10)).ToArray();
            respondents.Add(new RawRespondent(cell, answers));
        }
        return (population, respondents);
    }

    [Fact]
    public void Incremental_merged_and_recomputed_aggregates_give_the_same_report()
    {
        var random = new Random(20261123);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            var (population, respondents) = RandomSurvey(random);
            var options = new ReportOptions { Suppression = new SuppressionOptions { Threshold = 10 } };

            var incremental = new CellAggregates(ReferenceData.Model);
            foreach (var r in respondents) incremental.Add(r.Cell, r.Answers);

            var parts = Enumerable.Range(0, random.Next(2, 6)).Select(_ => new CellAggregates(ReferenceData.Model)).ToList();
            foreach (var r in respondents.OrderBy(_ => random.Next())) parts[random.Next(parts.Count)].Add(r.Cell, r.Answers);
            var merged = new CellAggregates(ReferenceData.Model);
            foreach (var part in parts) merged.Merge(part);

            var live = YearlyReports.Build(2026, population, incremental, options: options);
            var fromParts = YearlyReports.Build(2026, population, merged, options: options);
            var recomputed = YearlyReports.Recompute(2026, population, ReferenceData.Model, respondents, options: options);
            Assert.Equal(CalibrationStatus.Converged, live.Calibration.Status);
            Assert.Equal(respondents.Count, live.Respondents);
            Assert.NotEmpty(live.Indicators);
            SameReport(live, fromParts, iteration);
            SameReport(live, recomputed, iteration);

            var weights = live.Calibration.Weights!;
            var cells = new CellEstimator(weights, incremental);
            var raw = new RawEstimator(weights, ReferenceData.Model, respondents);
            for (var v = 0; v < ReferenceData.Model.Variables.Count; v++)
                foreach (var domain in new[] { CellDomain.All, new CellDomain(CellDimension.AgeGroup, random.Next(8)), new CellDomain(CellDimension.District, 0) })
                {
                    var a = cells.Mean(v, domain);
                    var b = raw.Mean(v, domain);
                    Assert.Equal(a is null, b is null);
                    if (a is null) continue;
                    Close(b!.Mean, a.Mean, $"#{iteration} v{v} mean");
                    Close(b.StandardError, a.StandardError, $"#{iteration} v{v} SE");
                }
            for (var p = 0; p < ReferenceData.Model.Pairs.Count; p++)
                Close(raw.Slope(p)!.Value.Slope, cells.Slope(p)!.Value.Slope, $"#{iteration} slope {p}");
        }
    }

    static void SameReport(YearlyReport expected, YearlyReport actual, int iteration)
    {
        Assert.Equal(expected.Indicators.Count, actual.Indicators.Count);
        for (var i = 0; i < expected.Indicators.Count; i++)
        {
            Assert.Equal(expected.Indicators[i].Key, actual.Indicators[i].Key);
            Assert.Equal(expected.Indicators[i].N, actual.Indicators[i].N);
            Close(expected.Indicators[i].Value, actual.Indicators[i].Value, $"#{iteration} {expected.Indicators[i].Key}");
            Close(expected.Indicators[i].StandardError, actual.Indicators[i].StandardError, $"#{iteration} {expected.Indicators[i].Key} SE");
        }
        Assert.Equal(expected.Breakdowns.Count, actual.Breakdowns.Count);
        for (var b = 0; b < expected.Breakdowns.Count; b++)
            for (var g = 0; g < expected.Breakdowns[b].Groups.Count; g++)
            {
                var (x, y) = (expected.Breakdowns[b].Groups[g], actual.Breakdowns[b].Groups[g]);
                Assert.Equal(x.Suppression, y.Suppression);
                Assert.Equal(x.Estimate is null, y.Estimate is null);
                if (x.Estimate is null) continue;
                Close(x.Estimate.Value, y.Estimate!.Value, $"#{iteration} breakdown {b}/{g}");
                Close(x.Estimate.StandardError, y.Estimate.StandardError, $"#{iteration} breakdown {b}/{g} SE");
            }
        Assert.Equal(expected.Priorities.SelectMany(m => m.Factors.Select(f => f.Quadrant)), actual.Priorities.SelectMany(m => m.Factors.Select(f => f.Quadrant)));
    }

    static void Close(double expected, double actual, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(error <= Tolerance || Math.Abs(actual - expected) < 1e-13, $"{what}: {expected:R} vs {actual:R} ({error:G3})");
    }
}
