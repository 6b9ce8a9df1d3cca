namespace Medborgare.Distribution.Sampling;

/// <summary>A drawn sample: the chosen persons and what was drawn from each stratum.</summary>
public sealed record SampleResult
{
    /// <summary>Indices into the person list given to the sampler, ascending.</summary>
    public required IReadOnlyList<int> SelectedIndices { get; init; }
    /// <summary>One entry per stratum, in ordinal order of the stratum key.</summary>
    public required IReadOnlyList<StratumSample> Strata { get; init; }
    public required ulong Seed { get; init; }
}

/// <summary>
/// One stratum of a sample: N_h persons, n_h drawn. <see cref="RequestedSize"/> is what the design asked
/// for; it is larger than <see cref="SampleSize"/> only when a fixed size was capped at N_h.
/// </summary>
public sealed record StratumSample(string Stratum, int PopulationSize, int SampleSize, int RequestedSize)
{
    public bool WasCapped => RequestedSize > SampleSize;

    /// <summary>The inclusion probability n_h / N_h of every person in the stratum.</summary>
    public double InclusionProbability => (double)SampleSize / PopulationSize;
}
