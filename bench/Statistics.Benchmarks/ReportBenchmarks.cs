using BenchmarkDotNet.Attributes;

namespace Medborgare.Statistics.Benchmarks;

/// <summary>
/// The full yearly report (all indices, factors, items, shares, breakdowns by age group, sex and district with
/// CIs and suppression, priority matrices, 5-year comparison) at 10k, 100k and 1M respondents:
/// from warm per-cell aggregates, and recomputed from the raw answers.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    Municipality municipality = null!;
    CellAggregates aggregates = null!;
    IReadOnlyList<YearResults> previous = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Respondents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        municipality = new Municipality(Respondents);
        aggregates = municipality.Aggregate();
        var now = YearlyReports.Build(2026, municipality.Population, aggregates);
        // Four earlier years with the same keys, shifted a little, for the 5-year comparison.
        previous = [.. Enumerable.Range(1, 4).Select(k => new YearResults(2026 - k,
            now.Indicators.ToDictionary(i => i.Key, i => i with { Value = i.Value - k * 0.7 })))];
    }

    [Benchmark(Baseline = true)]
    public YearlyReport FromAggregates() => YearlyReports.Build(2026, municipality.Population, aggregates, previous);

    [Benchmark]
    public YearlyReport RecomputeFromRaw() => YearlyReports.Build(2026, municipality.Population, municipality.Aggregate(), previous);
}
