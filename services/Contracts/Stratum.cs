namespace Medborgare.Contracts;

/// <summary>The sampling cell a respondent belongs to. Never anything finer than this.</summary>
public sealed record Stratum
{
    public required string District { get; init; }
    /// <summary>"K" (kvinna) or "M" (man), as in the population register.</summary>
    public required string Sex { get; init; }
    /// <summary>One of 16-24, 25-34, …, 85+.</summary>
    public required string AgeGroup { get; init; }
}
