namespace Medborgare.Statistics.Tests;

/// <summary>Small cases worked out on paper; the arithmetic is in the comments.</summary>
public class HandWorkedTests
{
    // Items o1 (the overall index NRI, alone) and a1 (factor NRI.a). Everyone is K 16-24, so the (sex × age)
    // margin is one category and design weights already meet both margins: g = 1, w = d.
    static readonly AnalysisModel Model = new(
        [new ScaleItem("o1"), new ScaleItem("a1")],
        [new IndexDefinition("NRI", IndexLevel.Overall, null, ["o1"]), new IndexDefinition("NRI.a", IndexLevel.Factor, "NRI", ["a1"])]);

    static readonly PopulationMargins TwoStrata = new([
        KeyValuePair.Create(new Cell("A", "K", "16-24"), 10L),
        KeyValuePair.Create(new Cell("B", "K", "16-24"), 20L)]);

    // Stratum A: N = 10, o1 = 2, 4, 6 (r = 3, d = 10/3); stratum B: N = 20, o1 = 5, 9 (r = 2, d = 10).
    // a1 = 1, 3, missing in A and 2, missing in B.
    static (CellAggregates Aggregates, RawRespondent[] Raw) Tiny()
    {
        RawRespondent[] raw =
        [
            new(new Cell("A", "K", "16-24"), [2, 1]),
            new(new Cell("A", "K", "16-24"), [4, 3]),
            new(new Cell("A", "K", "16-24"), [6, double.NaN]),
            new(new Cell("B", "K", "16-24"), [5, 2]),
            new(new Cell("B", "K", "16-24"), [9, double.NaN]),
        ];
        var aggregates = new CellAggregates(Model);
        foreach (var r in raw) aggregates.Add(r.Cell, r.Answers);
        return (aggregates, raw);
    }

    static (CellEstimator Cells, RawEstimator Raw, CalibratedWeights Weights) Estimators()
    {
        var (aggregates, raw) = Tiny();
        var weights = Raking.Calibrate(TwoStrata, Raking.RespondentsPerCell(aggregates)).Weights!;
        return (new CellEstimator(weights, aggregates), new RawEstimator(weights, Model, raw), weights);
    }

    [Fact]
    public void Design_weights_are_stratum_population_over_respondents()
    {
        var (_, _, weights) = Estimators();
        var a = weights.IndexOf(new Cell("A", "K", "16-24"));
        var b = weights.IndexOf(new Cell("B", "K", "16-24"));
        Assert.Equal(10.0 / 3, weights.DesignWeight[a], 12);
        Assert.Equal(10.0, weights.DesignWeight[b], 12);
        Assert.Equal(1.0, weights.G[a], 12);
        Assert.Equal(1.0, weights.G[b], 12);
    }

    [Fact]
    public void Weighted_mean_and_its_linearisation_SE_match_the_paper_calculation()
    {
        // W = 3·10/3 + 2·10 = 30; ŷ = (10/3·12 + 10·14)/30 = 6.
        // x = w(y − 6)/30: A: −4/9, −2/9, 0 (mean −2/9, squares 4/81 + 0 + 4/81 = 8/81);
        //                  B: −1/3, 1 (mean 1/3, squares 4/9 + 4/9 = 8/9).
        // With g = 1 the residualisation on the calibration dummies only centres x within each stratum, so
        // V = (1 − 3/10)·3/2·8/81 + (1 − 2/20)·2/1·8/9 = 8.4/81 + 129.6/81 = 138/81 = 46/27.
        var (cells, raw, _) = Estimators();
        foreach (var e in new[] { cells.Mean("o1", CellDomain.All)!, raw.Mean(0, CellDomain.All)! })
        {
            Assert.Equal(6.0, e.Mean, 12);
            Assert.Equal(Math.Sqrt(46.0 / 27), e.StandardError, 12);
            Assert.Equal(5, e.N);
            Assert.Equal(6 - 1.96 * Math.Sqrt(46.0 / 27), e.CiLow, 12);
        }
    }

    [Fact]
    public void Index_is_the_mean_on_zero_to_hundred_with_its_label()
    {
        // (6 − 1)/(10 − 1)·100 = 55.56, "nöjd"; SE scales by 100/9.
        var (cells, _, _) = Estimators();
        var index = IndicatorEstimate.From(Model.Variables[0], cells.Mean("o1", CellDomain.All)!);
        Assert.Equal(500.0 / 9, index.Value, 10);
        Assert.Equal(Math.Sqrt(46.0 / 27) * 100 / 9, index.StandardError, 10);
        Assert.Equal("nöjd", index.Label);
    }

    [Fact]
    public void Shares_are_weighted_means_of_indicators_with_the_same_SE()
    {
        // low (1–4): 2 and 4 in A → (2·10/3)/30 = 2/9; middle (5–7): 6 in A, 5 in B → (10/3 + 10)/30 = 4/9;
        // high (8–10): 9 in B → 10/30 = 1/3.
        // SE(low): x = w(I − 2/9)/30: A: 7/81, 7/81, −2/81 (mean 4/81, squares 54/6561); B: −2/27, −2/27 (squares 0).
        // V = 0.7·1.5·54/6561 = 7/810.
        var (cells, raw, _) = Estimators();
        Assert.Equal(2.0 / 9, cells.Mean("o1:low", CellDomain.All)!.Mean, 12);
        Assert.Equal(4.0 / 9, cells.Mean("o1:middle", CellDomain.All)!.Mean, 12);
        Assert.Equal(1.0 / 3, cells.Mean("o1:high", CellDomain.All)!.Mean, 12);
        Assert.Equal(Math.Sqrt(7.0 / 810), cells.Mean("o1:low", CellDomain.All)!.StandardError, 12);
        Assert.Equal(Math.Sqrt(7.0 / 810), raw.Mean(Model.VariableIndex["o1:low"], CellDomain.All)!.StandardError, 12);
        var percent = IndicatorEstimate.From(Model.Variables[Model.VariableIndex["o1:high"]], cells.Mean("o1:high", CellDomain.All)!);
        Assert.Equal(100.0 / 3, percent.Value, 10);
        Assert.Null(percent.Label);
    }

    [Fact]
    public void Factor_and_overall_values_are_means_of_the_items_answered()
    {
        var model = new AnalysisModel([new ScaleItem("q1"), new ScaleItem("q2"), new ScaleItem("q3")],
            [new IndexDefinition("F", IndexLevel.Factor, "O", ["q1", "q2"]), new IndexDefinition("O", IndexLevel.Overall, null, ["q1", "q2", "q3"])]);
        var values = model.Derive([7, double.NaN, 4]);
        Assert.Equal(7, values[model.VariableIndex["F"]]);         // q2 missing: mean of q1 alone
        Assert.Equal(5.5, values[model.VariableIndex["O"]]);       // (7 + 4)/2
        Assert.Equal(1, values[model.VariableIndex["q1:middle"]]); // 7 is in 5–7
        Assert.True(double.IsNaN(values[model.VariableIndex["q2:low"]]));
        Assert.True(double.IsNaN(model.Derive([double.NaN, double.NaN, 11])[model.VariableIndex["O"]])); // 11 is off the scale
    }

    [Theory]
    [InlineData(39.99, "inte godkänt")]
    [InlineData(40, null)]
    [InlineData(54.99, null)]
    [InlineData(55, "nöjd")]
    [InlineData(74.99, "nöjd")]
    [InlineData(75, "mycket nöjd")]
    public void Labels_follow_the_thresholds(double index, string? label) => Assert.Equal(label, Labels.Swedish(index));

    [Fact]
    public void Raking_converges_to_the_closed_form_solution()
    {
        // A: N_K = 30, N_M = 10; B: N_K = 20, N_M = 40. Respondents A: 2 K + 1 M, B: 1 K + 1 M.
        // Raked cell totals are r·α_h·β_s; with β_K = 1: α_A(2 + β_M) = 40, α_B(1 + β_M) = 60, 2α_A + α_B = 50,
        // β_M(α_A + α_B) = 50 ⇒ α_A² − 95α_A + 1000 = 0 ⇒ α_A = (95 − √5025)/2 ≈ 12.056, α_B = 50 − 2α_A,
        // β_M = 50/(50 − α_A). Each A-K respondent weighs α_A, A-M α_Aβ_M, B-K α_B, B-M α_Bβ_M.
        var population = new PopulationMargins([
            KeyValuePair.Create(new Cell("A", "K", "16-24"), 30L), KeyValuePair.Create(new Cell("A", "M", "16-24"), 10L),
            KeyValuePair.Create(new Cell("B", "K", "16-24"), 20L), KeyValuePair.Create(new Cell("B", "M", "16-24"), 40L)]);
        var respondents = new Dictionary<Cell, long>
        {
            [new Cell("A", "K", "16-24")] = 2, [new Cell("A", "M", "16-24")] = 1,
            [new Cell("B", "K", "16-24")] = 1, [new Cell("B", "M", "16-24")] = 1,
        };
        var result = Raking.Calibrate(population, respondents);
        Assert.Equal(CalibrationStatus.Converged, result.Status);
        Assert.True(result.MaxRelativeDeviation < 1e-10); // margins to 1e-10 relative: weights to ~1e-9
        var w = result.Weights!;
        var alphaA = (95 - Math.Sqrt(5025)) / 2;
        var alphaB = 50 - 2 * alphaA;
        var betaM = 50 / (50 - alphaA);
        Assert.Equal(alphaA, w.Weight[w.IndexOf(new Cell("A", "K", "16-24"))], 7);
        Assert.Equal(alphaA * betaM, w.Weight[w.IndexOf(new Cell("A", "M", "16-24"))], 7);
        Assert.Equal(alphaB, w.Weight[w.IndexOf(new Cell("B", "K", "16-24"))], 7);
        Assert.Equal(alphaB * betaM, w.Weight[w.IndexOf(new Cell("B", "M", "16-24"))], 7);
        Assert.Equal(40.0 / 3, w.DesignWeight[w.IndexOf(new Cell("A", "K", "16-24"))], 12);
    }

    [Fact]
    public void Priority_effect_is_five_times_the_weighted_least_squares_slope()
    {
        // Pairs (x = a1, y = o1) with both present: A: (1, 2), (3, 4) at w = 10/3; B: (2, 5) at w = 10.
        // Σw = 50/3; x̄ = (10/3 + 10 + 20)/(50/3) = 2; ȳ = (20/3 + 40/3 + 50)/(50/3) = 4.4.
        // Σw(x−x̄)(y−ȳ) = 10/3·(−1)(−2.4) + 10/3·(1)(−0.4) + 10·0 = 20/3; Σw(x−x̄)² = 20/3 ⇒ β = 1.
        // Both on 1–10, so the 0–100 slope is also 1 and the effect is 5.
        var (cells, raw, _) = Estimators();
        Assert.Equal(1.0, cells.Slope(0)!.Value.Slope, 12);
        Assert.Equal(1.0, raw.Slope(0)!.Value.Slope, 12);
        Assert.Equal(3, cells.Slope(0)!.Value.N);
        Assert.Equal(5.0, PriorityMatrices.Effect(1.0, Model.Variables[Model.VariableIndex["NRI.a"]], Model.Variables[Model.VariableIndex["NRI"]]), 12);
    }

    [Theory]
    [InlineData(10, 90, Quadrant.Prioritera)]
    [InlineData(90, 90, Quadrant.Bevara)]
    [InlineData(10, 10, Quadrant.ForbattraOmMojligt)]
    [InlineData(90, 10, Quadrant.LagrePrioritet)]
    public void Quadrants_split_at_the_mean_score_and_effect(double score, double effect, Quadrant quadrant) =>
        Assert.Equal(quadrant, PriorityMatrices.QuadrantOf(score, effect, 50, 50));

    [Fact]
    public void Year_over_year_change_is_significant_beyond_1_96_standard_errors()
    {
        // SE_d = √(1.5² + 1.5²) = √4.5 = 2.1213; 1.96·SE_d = 4.158.
        var up = YearOverYear.Compare(2025, 60, 1.5, 2026, 64.5, 1.5);
        Assert.Equal(4.5, up.Difference, 12);
        Assert.Equal(Math.Sqrt(4.5), up.StandardError, 12);
        Assert.True(up.Significant);
        Assert.Equal("statistiskt säkerställd ökning", up.TextSv);
        var same = YearOverYear.Compare(2025, 60, 1.5, 2026, 63, 1.5);
        Assert.False(same.Significant);
        Assert.Equal("ingen statistiskt säkerställd förändring", same.TextSv);
        Assert.Equal("no statistically significant change", same.TextEn);
        var down = YearOverYear.Compare(2025, 60, 1.5, 2026, 55, 1.5);
        Assert.Equal(ChangeDirection.Decrease, down.Direction);
        Assert.Equal("statistiskt säkerställd minskning", down.TextSv);
    }
}
