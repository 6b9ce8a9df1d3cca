namespace Medborgare.Contracts;

/// <summary>The year's results were published by the analyst; politicians may now see them.</summary>
public sealed record SurveyResultsPublished
{
    public required Guid SurveyId { get; init; }
    public required string MunicipalityCode { get; init; }
    public required int Year { get; init; }
    /// <summary>When Analysis published these figures; a consumer keeps the latest publication of a year, whatever order they arrive in.</summary>
    public DateTimeOffset PublishedAt { get; init; }
    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }
    /// <summary>The priority matrix: every factor's score and effect on its overall index, with its quadrant.</summary>
    public IReadOnlyList<PriorityResult> Priorities { get; init; } = [];
}

public enum IndicatorKind { Index, Share, Mean }

public enum ChangeSignificance { None, NoComparison, SignificantIncrease, SignificantDecrease, NotSignificant }

public sealed record IndicatorResult
{
    public required string Key { get; init; }
    public required IndicatorKind Kind { get; init; }
    public required double Value { get; init; }
    public required double CiLow { get; init; }
    public required double CiHigh { get; init; }
    public required int N { get; init; }
    public ChangeSignificance ChangeVsLastYear { get; init; } = ChangeSignificance.NoComparison;
    /// <summary>Last year's value of the same key, when there is one; lets FollowUp show it even if last year was never published to it.</summary>
    public double? PreviousValue { get; init; }
    public IReadOnlyList<string> GoalAreaTags { get; init; } = [];
}

/// <summary>The quadrants of the prioriteringsmatris, split at the mean score and the mean effect (DESIGN §6).</summary>
public enum PriorityQuadrant { Prioritera, Bevara, ForbattraOmMojligt, LagrePrioritet }

/// <summary>One factor of the priority matrix: its index (score, 0–100) and its effect (5·β) on the overall index.</summary>
public sealed record PriorityResult
{
    public required string OverallKey { get; init; }
    public required string FactorKey { get; init; }
    public required string NameSv { get; init; }
    public string? NameEn { get; init; }
    public required double Score { get; init; }
    public required double Effect { get; init; }
    public required int N { get; init; }
    public required PriorityQuadrant Quadrant { get; init; }
    public IReadOnlyList<string> GoalAreaTags { get; init; } = [];
}
