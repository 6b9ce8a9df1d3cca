namespace Medborgare.Statistics;

public sealed record RakingOptions
{
    /// <summary>Largest relative miss of any margin total that counts as converged.</summary>
    public double Tolerance { get; init; } = 1e-10;
    public int MaxIterations { get; init; } = 10_000;
}

public enum CalibrationStatus
{
    Converged,
    /// <summary>The margins were not met within the iteration limit: there are no weights to estimate with.</summary>
    NotConverged,
    /// <summary>The margins cannot be met at all (e.g. respondents where the frame has nobody, or a sex with no respondents).</summary>
    Infeasible,
}

/// <summary>A (sex × age group) margin cell that had no respondents and was merged with its neighbour(s).</summary>
public sealed record CollapsedGroup(string Sex, IReadOnlyList<string> AgeGroups)
{
    /// <summary>The merged category, e.g. "K:75-84+85+": the same recode the R reference script uses.</summary>
    public string Label => $"{Sex}:{string.Join('+', AgeGroups)}";
}

/// <summary>
/// The outcome of calibration. <see cref="Weights"/> is set only when <see cref="Status"/> is Converged, so a
/// caller cannot estimate from weights that do not meet the margins.
/// </summary>
public sealed record CalibrationResult
{
    public required CalibrationStatus Status { get; init; }
    public required int Iterations { get; init; }
    /// <summary>Largest relative miss of a margin total at the end (NaN when raking did not run).</summary>
    public required double MaxRelativeDeviation { get; init; }
    public IReadOnlyList<CollapsedGroup> Collapsed { get; init; } = [];
    /// <summary>Districts with population but no respondents: left out of the calibration, and so of the estimates.</summary>
    public IReadOnlyList<string> EmptyStrata { get; init; } = [];
    /// <summary>Respondents in a cell the frame does not know (unknown district, sex or age group): ignored.</summary>
    public long UnmatchedRespondents { get; init; }
    public string? Message { get; init; }
    public CalibratedWeights? Weights { get; init; }
}
