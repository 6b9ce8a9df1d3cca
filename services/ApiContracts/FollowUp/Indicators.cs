namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's indicators (/api/indicators): on goals, with their yearly targets (årsmål) and hand-entered key figures.

public enum IndicatorSource
{
    /// <summary>An indicator key from the published survey results (e.g. <c>NMI</c>, <c>NMI.forskola</c>).</summary>
    Citizen,
    /// <summary>A key figure (nyckeltal): a Kolada KPI id, or values entered by hand when no KPI id is given.</summary>
    Operational,
    /// <summary>The number of open feedback items (synpunkter) in the goal's area per year.</summary>
    Feedback,
}

public enum Direction { HigherIsBetter, LowerIsBetter }

public sealed record TargetDto(int Period, double Target);

public sealed record IndicatorRequest(Guid? GoalId, string? Name, IndicatorSource? Source, string? SourceKey, string? Unit,
    Direction? Direction, double? Tolerance, bool? SplitBySex, int? SortOrder, TargetDto[]? Targets);

public sealed record IndicatorDto(Guid Id, Guid GoalId, string Name, IndicatorSource Source, string? SourceKey, string Unit,
    Direction Direction, double Tolerance, bool SplitBySex, int SortOrder, TargetDto[] Targets);

public sealed record TargetRequest(double? Target);

/// <summary>A key figure entered by hand; null is a missing value.</summary>
public sealed record ManualValueRequest(double? Value);

public sealed record ManualValueDto(Guid IndicatorId, int Period, double? Value, string EnteredBy, DateTimeOffset EnteredAt);
