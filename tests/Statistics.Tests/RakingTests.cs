namespace Medborgare.Statistics.Tests;

public class RakingTests
{
    static IReadOnlyDictionary<Cell, long> Counts(string set)
    {
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in ReferenceData.Respondents(set)) aggregates.Add(r.Cell, r.Answers);
        return Raking.RespondentsPerCell(aggregates);
    }

    [Fact]
    public void Raking_meets_every_margin_to_1e_10()
    {
        var result = Raking.Calibrate(ReferenceData.Population("unequal"), Counts("unequal"));
        Assert.Equal(CalibrationStatus.Converged, result.Status);
        Assert.True(result.MaxRelativeDeviation < 1e-10);
        Assert.True(result.Iterations > 1);
        var w = result.Weights!;
        var population = ReferenceData.Population("unequal");
        foreach (var sex in Demography.Sexes)
            foreach (var age in Demography.AgeGroups)
            {
                var raked = Enumerable.Range(0, w.CellCount).Where(c => w.CellAt(c).Sex == sex && w.CellAt(c).AgeGroup == age).Sum(c => w.Weight[c] * w.Respondents[c]);
                var target = population.Counts.Where(c => c.Key.Sex == sex && c.Key.AgeGroup == age).Sum(c => c.Value);
                Assert.True(Math.Abs(raked - target) / target < 1e-9, $"{sex} {age}: {raked} vs {target}");
            }
    }

    [Fact]
    public void Hitting_the_iteration_limit_is_reported_without_weights()
    {
        var result = Raking.Calibrate(ReferenceData.Population("unequal"), Counts("unequal"), new RakingOptions { MaxIterations = 1 });
        Assert.Equal(CalibrationStatus.NotConverged, result.Status);
        Assert.Null(result.Weights);
        Assert.True(result.MaxRelativeDeviation > 1e-10);
        Assert.Contains("1 iterations", result.Message);
    }

    [Fact]
    public void Margins_that_cannot_be_met_are_reported_as_not_converged()
    {
        // District A has only women, B only men; A's margin (100) and the women's margin (80) cannot both hold.
        var population = new PopulationMargins([
            KeyValuePair.Create(new Cell("A", "K", "16-24"), 60L), KeyValuePair.Create(new Cell("A", "M", "16-24"), 40L),
            KeyValuePair.Create(new Cell("B", "K", "16-24"), 20L), KeyValuePair.Create(new Cell("B", "M", "16-24"), 80L)]);
        var respondents = new Dictionary<Cell, long> { [new Cell("A", "K", "16-24")] = 5, [new Cell("B", "M", "16-24")] = 5 };
        var result = Raking.Calibrate(population, respondents, new RakingOptions { MaxIterations = 500 });
        Assert.Equal(CalibrationStatus.NotConverged, result.Status);
        Assert.Null(result.Weights);
    }

    [Fact]
    public void A_report_without_converged_weights_has_no_figures()
    {
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in ReferenceData.Respondents("unequal")) aggregates.Add(r.Cell, r.Answers);
        var report = YearlyReports.Build(2026, ReferenceData.Population("unequal"), aggregates,
            options: new ReportOptions { Raking = new RakingOptions { MaxIterations = 1 } });
        Assert.Equal(CalibrationStatus.NotConverged, report.Calibration.Status);
        Assert.Empty(report.Indicators);
        Assert.Empty(report.Breakdowns);
    }

    [Fact]
    public void Empty_cells_are_collapsed_with_the_younger_neighbour_and_empty_strata_reported()
    {
        var population = new PopulationMargins(
            from d in new[] { "A", "B", "C" } from s in Demography.Sexes from a in Demography.AgeGroups
            select KeyValuePair.Create(new Cell(d, s, a), 50L));
        var respondents = new Dictionary<Cell, long>();
        foreach (var d in new[] { "A", "B" })
            foreach (var s in Demography.Sexes)
                foreach (var a in Demography.AgeGroups)
                    if (!(s == "K" && a == "85+") && !(s == "M" && a is "16-24" or "25-34")) respondents[new Cell(d, s, a)] = 3;
        var result = Raking.Calibrate(population, respondents);
        Assert.Equal(CalibrationStatus.Converged, result.Status);
        Assert.Equal(["K:75-84+85+", "M:16-24+25-34+35-44"], result.Collapsed.Select(c => c.Label));
        Assert.Equal(["C"], result.EmptyStrata);
        Assert.Equal(["A", "B"], result.Weights!.Districts);
    }

    [Fact]
    public void A_sex_without_respondents_is_infeasible()
    {
        var population = new PopulationMargins([
            KeyValuePair.Create(new Cell("A", "K", "16-24"), 60L), KeyValuePair.Create(new Cell("A", "M", "16-24"), 40L)]);
        var result = Raking.Calibrate(population, new Dictionary<Cell, long> { [new Cell("A", "K", "16-24")] = 5 });
        Assert.Equal(CalibrationStatus.Infeasible, result.Status);
        Assert.Null(result.Weights);
    }
}
