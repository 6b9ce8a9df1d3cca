namespace Medborgare.Statistics.Tests;

public class SuppressionTests
{
    [Fact]
    public void Groups_below_the_threshold_are_suppressed()
    {
        var reasons = Suppression.Apply([100, 29, 30, 12]);
        Assert.Equal([SuppressionReason.None, SuppressionReason.Primary, SuppressionReason.None, SuppressionReason.Primary], reasons);
    }

    [Fact]
    public void A_single_suppressed_group_takes_the_next_smallest_group_with_it()
    {
        // 29 alone could be recovered as total − 100 − 40 − 55, so the smallest shown group (40) goes too.
        var reasons = Suppression.Apply([100, 29, 40, 55]);
        Assert.Equal([SuppressionReason.None, SuppressionReason.Primary, SuppressionReason.Secondary, SuppressionReason.None], reasons);
    }

    [Fact]
    public void Two_suppressed_groups_need_no_secondary_suppression()
    {
        var reasons = Suppression.Apply([100, 29, 12, 55]);
        Assert.DoesNotContain(SuppressionReason.Secondary, reasons);
    }

    [Fact]
    public void An_empty_group_does_not_protect_a_suppressed_one()
    {
        var reasons = Suppression.Apply([0, 5, 300, 200]);
        Assert.Equal([SuppressionReason.Primary, SuppressionReason.Primary, SuppressionReason.None, SuppressionReason.Secondary], reasons);
    }

    [Fact]
    public void The_threshold_is_configurable()
    {
        Assert.Equal(SuppressionReason.None, Suppression.Apply([12, 12], new SuppressionOptions { Threshold = 10 })[0]);
        Assert.Equal(SuppressionReason.Primary, Suppression.Apply([49, 100, 100], new SuppressionOptions { Threshold = 50 })[0]);
    }

    [Fact]
    public void A_threshold_below_ten_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuppressionOptions { Threshold = 9 });

    [Fact]
    public void Breakdowns_by_sex_hide_both_sexes_when_one_is_small()
    {
        // With the threshold just above the smaller sex's count, that sex is primary and the other must go too:
        // with two groups, the total and one group give away the other.
        var respondents = ReferenceData.Respondents("unequal");
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in respondents) aggregates.Add(r.Cell, r.Answers);
        var weights = Raking.Calibrate(ReferenceData.Population("unequal"), Raking.RespondentsPerCell(aggregates)).Weights!;
        var estimator = new CellEstimator(weights, aggregates);
        long[] Counts(int v) => [estimator.Count(v, new CellDomain(CellDimension.Sex, 0)), estimator.Count(v, new CellDomain(CellDimension.Sex, 1))];
        var v = Enumerable.Range(0, ReferenceData.Model.Variables.Count).First(v => Counts(v)[0] != Counts(v)[1]);
        var counts = Counts(v);
        var threshold = (int)Math.Min(counts[0], counts[1]) + 1;
        var breakdown = Breakdowns.ByCells(estimator, v, CellDimension.Sex, new SuppressionOptions { Threshold = threshold });
        Assert.All(breakdown.Groups, g => Assert.Null(g.Estimate));
        Assert.Contains(breakdown.Groups, g => g.Suppression == SuppressionReason.Primary);
        Assert.Contains(breakdown.Groups, g => g.Suppression == SuppressionReason.Secondary);
        var shown = Breakdowns.ByCells(estimator, v, CellDimension.Sex, new SuppressionOptions { Threshold = 10 });
        Assert.All(shown.Groups, g => Assert.NotNull(g.Estimate));
    }

    [Fact]
    public void Breakdown_by_a_choice_question_estimates_each_group_as_a_domain()
    {
        // Group respondents by a made-up choice (district Norr vs the rest): the estimates must equal the cell
        // estimator's own district domains, since both are domain estimates under the same calibration.
        var respondents = ReferenceData.Respondents("unequal");
        var aggregates = new CellAggregates(ReferenceData.Model);
        foreach (var r in respondents) aggregates.Add(r.Cell, r.Answers);
        var weights = Raking.Calibrate(ReferenceData.Population("unequal"), Raking.RespondentsPerCell(aggregates)).Weights!;
        var groups = respondents.Select(r => r.Cell.District == "Norr" ? "ja" : "nej").ToList();
        var breakdown = Breakdowns.ByGroup(weights, ReferenceData.Model, respondents, groups, "bakgrund.x", ["NRI"], new SuppressionOptions { Threshold = 10 }).Single();
        var norr = new CellEstimator(weights, aggregates).Mean("NRI", new CellDomain(CellDimension.District, weights.Districts.ToList().IndexOf("Norr")))!;
        var ja = breakdown.Groups.Single(g => g.Group == "ja").Estimate!;
        Assert.Equal(norr.Mean, ja.Mean, 12);
        Assert.Equal(norr.StandardError, ja.MeanStandardError, 12);
    }
}
