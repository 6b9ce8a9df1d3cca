using Medborgare.Contracts;

namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's read model for politicians (/api/followup): goal areas with their status, one area in full, one indicator's series.

/// <summary>Green: target met. Yellow: within the tolerance. Red: not met. Grey: no value or no target.</summary>
public enum IndicatorStatus { Green, Yellow, Red, Grey }

/// <summary>Improved / unchanged / worse versus the previous period; Unknown when there is nothing to compare with.</summary>
public enum Trend { Improved, Unchanged, Worse, Unknown }

public sealed record AssessmentCounts(int Met, int PartlyMet, int NotMet, int NotAssessed);

public sealed record AreaSummary(Guid Id, string? Code, string Title, string ResponsibleBody, int Goals, StatusCounts Indicators, AssessmentCounts Assessments);

public sealed record OverviewDto(int Year, int[] Years, AreaSummary[] Areas);

/// <summary>A published survey result: the estimate's margin of error and whether the change is significant.</summary>
public sealed record CitizenDetail(IndicatorKind Kind, double CiLow, double CiHigh, int N, ChangeSignificance Change, string SignificanceSv, string SignificanceEn);

/// <summary>A key figure next to the whole country and the peer municipalities. Null values are missing in Kolada.</summary>
public sealed record KeyFigureDetail(string? Kpi, string? Title, string KoladaStatus, bool Missing, ComparisonValue? Country,
    IReadOnlyList<ComparisonValue> Peers, double? Women, double? Men, bool HandEntered);

public sealed record ComparisonValue(string Municipality, double? Value, string Status);

public sealed record IndicatorView(Guid Id, Guid GoalId, string Name, IndicatorSource Source, string? SourceKey, string Unit, Direction Direction,
    double? Value, double? PreviousValue, double? Target, double Tolerance, IndicatorStatus Status, Trend Trend,
    CitizenDetail? Citizen, KeyFigureDetail? KeyFigure);

public sealed record GoalView(GoalDto Goal, AssessmentDto Assessment, IndicatorView[] Indicators);

public sealed record FeedbackItem(DateOnly ReceivedOn, string Category, string? District, string Text);

public sealed record CategoryCount(string Category, int Count);

public sealed record FeedbackSummary(int ThisYear, int LastYear, CategoryCount[] ByCategory, FeedbackItem[] Recent);

/// <summary>One factor of the year's priority matrix in the area.</summary>
public sealed record PriorityView(string OverallKey, string FactorKey, string NameSv, string? NameEn, double Score, double Effect, int N,
    PriorityQuadrant Quadrant);

public sealed record GoalAreaView(int Year, int[] Years, GoalDto Area, StatusCounts Indicators, IndicatorView[] AreaIndicators, GoalView[] Goals,
    IndicatorView[] CitizenIndicators, IndicatorView[] OperationalIndicators, PriorityView[] Priorities, FeedbackSummary Feedback);

public sealed record SeriesPoint(int Period, double? Value, double? Target, IndicatorStatus Status, Trend Trend, double? CiLow, double? CiHigh,
    double? Country, string? KoladaStatus);

public sealed record IndicatorSeries(Guid Id, string Name, IndicatorSource Source, string? SourceKey, string Unit, Direction Direction, SeriesPoint[] Points);
