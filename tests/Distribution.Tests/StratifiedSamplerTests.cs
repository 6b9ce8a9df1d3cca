using Medborgare.Distribution.Sampling;

namespace Medborgare.Distribution.Tests;

public sealed class StratifiedSamplerTests
{
    // 100 persons in three districts, interleaved as a register extract would be.
    static readonly string[] Frame = Enumerable.Range(0, 100)
        .Select(i => i % 10 < 5 ? "Centrum" : i % 10 < 8 ? "Norra" : "Södra")
        .ToArray(); // Centrum 50, Norra 30, Södra 20

    [Fact]
    public void Proportional_allocation_uses_largest_remainder()
    {
        // n·N_h/N with n = 11, N = 100:
        //   Centrum 11·50/100 = 5.5  → 5, remainder 0.5
        //   Norra   11·30/100 = 3.3  → 3, remainder 0.3
        //   Södra   11·20/100 = 2.2  → 2, remainder 0.2
        // 5 + 3 + 2 = 10, one seat left: it goes to the largest remainder (Centrum) → 6/3/2.
        var result = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(11), seed: 42);

        Assert.Equal(["Centrum", "Norra", "Södra"], result.Strata.Select(s => s.Stratum));
        Assert.Equal([50, 30, 20], result.Strata.Select(s => s.PopulationSize));
        Assert.Equal([6, 3, 2], result.Strata.Select(s => s.SampleSize));
        Assert.Equal(11, result.SelectedIndices.Count);
        Assert.All(result.Strata, s => Assert.False(s.WasCapped));
    }

    [Fact]
    public void Equal_remainders_go_to_the_first_stratum_in_ordinal_order()
    {
        // 10/10/10 with n = 4: every quota is 1.333…, so the one seat left goes to "A".
        var frame = Enumerable.Range(0, 30).Select(i => "ABC"[i % 3].ToString()).ToArray();

        var result = StratifiedSampler.Draw(frame, SampleDesign.Proportional(4), seed: 1);

        Assert.Equal([2, 1, 1], result.Strata.Select(s => s.SampleSize));
    }

    [Fact]
    public void Every_stratum_gets_at_least_one_when_n_is_at_least_the_number_of_strata()
    {
        // 97/2/1 with n = 3: quotas 2.91, 0.06, 0.03 → largest remainder gives 3/0/0.
        // B and C then each take one from A, the stratum furthest above its quota → 1/1/1.
        var frame = Enumerable.Repeat("A", 97).Concat(["B", "B", "C"]).ToArray();

        var result = StratifiedSampler.Draw(frame, SampleDesign.Proportional(3), seed: 1);

        Assert.Equal([1, 1, 1], result.Strata.Select(s => s.SampleSize));
        Assert.Single(result.SelectedIndices, i => i is 97 or 98);
        Assert.Contains(99, result.SelectedIndices);
    }

    [Fact]
    public void Proportional_allocation_sums_to_n_and_never_exceeds_a_stratum()
    {
        var random = new DeterministicRandom(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var frame = Enumerable.Range(0, 1 + random.NextInt(300)).Select(_ => "S" + random.NextInt(6)).ToArray();
            var n = 1 + random.NextInt(frame.Length);

            var result = StratifiedSampler.Draw(frame, SampleDesign.Proportional(n), (ulong)trial);

            Assert.Equal(n, result.Strata.Sum(s => s.SampleSize));
            Assert.Equal(n, result.SelectedIndices.Count);
            Assert.All(result.Strata, s => Assert.InRange(s.SampleSize, n >= result.Strata.Count ? 1 : 0, s.PopulationSize));
        }
    }

    [Fact]
    public void A_fixed_size_per_stratum_is_drawn_in_every_stratum_and_capped_at_its_population()
    {
        var result = StratifiedSampler.Draw(Frame, SampleDesign.FixedPerStratum(25), seed: 3);

        Assert.Equal([25, 25, 20], result.Strata.Select(s => s.SampleSize));
        Assert.Equal([25, 25, 25], result.Strata.Select(s => s.RequestedSize));
        Assert.Equal([false, false, true], result.Strata.Select(s => s.WasCapped));
        Assert.Equal(70, result.SelectedIndices.Count);
        // The capped stratum is taken whole.
        Assert.All(Enumerable.Range(0, 100).Where(i => Frame[i] == "Södra"), i => Assert.Contains(i, result.SelectedIndices));
    }

    [Fact]
    public void A_sample_has_no_duplicates_is_sorted_and_stays_inside_its_strata()
    {
        var result = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(60), seed: 9);

        Assert.Equal(result.SelectedIndices.Count, result.SelectedIndices.Distinct().Count());
        Assert.Equal(result.SelectedIndices.Order(), result.SelectedIndices);
        foreach (var stratum in result.Strata)
            Assert.Equal(stratum.SampleSize, result.SelectedIndices.Count(i => Frame[i] == stratum.Stratum));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_and_another_seed_another()
    {
        var first = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(20), seed: 2026);
        var again = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(20), seed: 2026);
        var other = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(20), seed: 2027);

        Assert.Equal(first.SelectedIndices, again.SelectedIndices);
        Assert.NotEqual(first.SelectedIndices, other.SelectedIndices);
        Assert.Equal(2026UL, first.Seed);
    }

    [Fact]
    public void Inclusion_frequencies_over_2000_draws_match_n_h_over_N_h_within_4_5_standard_errors()
    {
        // Tolerance: |observed − p| ≤ 4.5·√(p(1−p)/draws) for every one of the 100 persons.
        // Seeds are fixed, so the outcome is reproducible; a fair sampler fails a given person with
        // probability about 7e-6, so a failure means bias (e.g. an off-by-one in the shuffle).
        const int draws = 2_000;
        var design = SampleDesign.Proportional(11);
        var counts = new int[Frame.Length];
        SampleResult? last = null;
        for (var seed = 0UL; seed < draws; seed++)
        {
            last = StratifiedSampler.Draw(Frame, design, seed);
            foreach (var i in last.SelectedIndices) counts[i]++;
        }

        var probability = last!.Strata.ToDictionary(s => s.Stratum, s => s.InclusionProbability);
        for (var i = 0; i < Frame.Length; i++)
        {
            var p = probability[Frame[i]];
            var standardError = Math.Sqrt(p * (1 - p) / draws);
            var observed = (double)counts[i] / draws;
            Assert.True(Math.Abs(observed - p) <= 4.5 * standardError,
                $"person {i} in {Frame[i]}: observed {observed:F4}, expected {p:F4} ± {4.5 * standardError:F4}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_sample_size_below_one_is_rejected(int n)
    {
        var proportional = Assert.Throws<ArgumentException>(() => SampleDesign.Proportional(n));
        var fixedSize = Assert.Throws<ArgumentException>(() => SampleDesign.FixedPerStratum(n));

        Assert.Contains("at least 1", proportional.Message);
        Assert.Contains("at least 1", fixedSize.Message);
    }

    [Fact]
    public void A_sample_larger_than_the_population_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StratifiedSampler.Draw(Frame, SampleDesign.Proportional(101), seed: 1));

        Assert.Contains("101", error.Message);
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void An_empty_population_cannot_be_sampled()
    {
        Assert.Throws<ArgumentException>(() => StratifiedSampler.Draw([], SampleDesign.Proportional(1), seed: 1));
        Assert.Throws<ArgumentException>(() => StratifiedSampler.Draw([], SampleDesign.FixedPerStratum(1), seed: 1));
    }

    [Fact]
    public void A_whole_population_sample_takes_everyone()
    {
        var result = StratifiedSampler.Draw(Frame, SampleDesign.Proportional(100), seed: 5);

        Assert.Equal(Enumerable.Range(0, 100), result.SelectedIndices);
    }

    [Fact]
    public void The_seed_expansion_matches_the_published_SplitMix64_sequence()
    {
        // splitmix64.c (Vigna) from state 0.
        var state = 0UL;

        Assert.Equal(0xE220A8397B1DCDAFUL, DeterministicRandom.SplitMix64(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, DeterministicRandom.SplitMix64(ref state));
        Assert.Equal(0x06C45D188009454FUL, DeterministicRandom.SplitMix64(ref state));
    }

    [Fact]
    public void The_generator_matches_the_xoshiro256_star_star_reference_vector()
    {
        // Reference output for the state {1, 2, 3, 4}, as in rand_xoshiro's test of xoshiro256.c.
        var random = new DeterministicRandom(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
            16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576];

        Assert.Equal(expected, expected.Select(_ => random.NextUInt64()).ToArray());
    }

    [Fact]
    public void The_generator_draws_bounded_integers_evenly()
    {
        var random = new DeterministicRandom(11);
        var counts = new int[7];

        for (var i = 0; i < 70_000; i++) counts[random.NextInt(7)]++;

        // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 92.6; allow 4.5 sd.
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 417, 10_000 + 417));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }
}
