namespace Medborgare.Web.Services.FollowUp;

// The FollowUp service's API shapes as the politicians' and the goal administration's pages read them
// (services/FollowUp/Apis/*.cs). Enums travel as their names.

/// <summary>The levels of the goal chain: vision → målområde → kommunfullmäktiges mål → nämndmål.</summary>
public enum GoalLevel { Vision, GoalArea, CouncilGoal, CommitteeGoal }

public enum IndicatorSource { Citizen, Operational, Feedback }

public enum Direction { HigherIsBetter, LowerIsBetter }

public enum IndicatorStatus { Green, Yellow, Red, Grey }

public enum Trend { Improved, Unchanged, Worse, Unknown }

/// <summary>Måluppfyllelse: uppfyllt / delvis uppfyllt / ej uppfyllt.</summary>
public enum GoalAssessment { Met, PartlyMet, NotMet }

public enum ImportState { Running, Succeeded, Failed }

public sealed record GoalDto(Guid Id, GoalLevel Level, Guid? ParentId, string? Code, string Title, string Text, string ResponsibleBody,
    int SortOrder, DateTimeOffset UpdatedAt);

public sealed record GoalRequest(GoalLevel? Level, Guid? ParentId, string? Code, string? Title, string? Text, string? ResponsibleBody, int? SortOrder);

public sealed record TargetDto(int Period, double Target);

public sealed record IndicatorDto(Guid Id, Guid GoalId, string Name, IndicatorSource Source, string? SourceKey, string Unit,
    Direction Direction, double Tolerance, bool SplitBySex, int SortOrder, TargetDto[] Targets);

public sealed record IndicatorRequest(Guid? GoalId, string? Name, IndicatorSource? Source, string? SourceKey, string? Unit,
    Direction? Direction, double? Tolerance, bool? SplitBySex, int? SortOrder, TargetDto[]? Targets);

public sealed record TargetRequest(double? Target);

public sealed record OverrideRequest(GoalAssessment? Assessment, string? AnalysisText);

public sealed record StatusCounts(int Green, int Yellow, int Red, int Grey)
{
    public int Total => Green + Yellow + Red + Grey;
}

public sealed record AssessmentDto(Guid GoalId, int Period, GoalAssessment? Proposed, GoalAssessment? Override, GoalAssessment? Effective,
    string EffectiveSv, string EffectiveEn, string? AnalysisText, GoalAssessment? ProposalWhenOverridden, string? ProposedBy,
    DateTimeOffset? ProposedAt, string? OverriddenBy, DateTimeOffset? OverriddenAt, StatusCounts Indicators);

public sealed record AssessmentCounts(int Met, int PartlyMet, int NotMet, int NotAssessed);

public sealed record AreaSummary(Guid Id, string? Code, string Title, string ResponsibleBody, int Goals, StatusCounts Indicators, AssessmentCounts Assessments);

public sealed record OverviewDto(int Year, int[] Years, AreaSummary[] Areas);

public sealed record CitizenDetail(string Kind, double CiLow, double CiHigh, int N, string Change, string SignificanceSv, string SignificanceEn);

public sealed record ComparisonValue(string Municipality, double? Value, string Status);

public sealed record KeyFigureDetail(string? Kpi, string? Title, string KoladaStatus, bool Missing, ComparisonValue? Country,
    ComparisonValue[] Peers, double? Women, double? Men, bool HandEntered);

public sealed record IndicatorView(Guid Id, Guid GoalId, string Name, IndicatorSource Source, string? SourceKey, string Unit, Direction Direction,
    double? Value, double? PreviousValue, double? Target, double Tolerance, IndicatorStatus Status, Trend Trend,
    CitizenDetail? Citizen, KeyFigureDetail? KeyFigure);

public sealed record GoalView(GoalDto Goal, AssessmentDto Assessment, IndicatorView[] Indicators);

public sealed record FeedbackItem(DateOnly ReceivedOn, string Category, string? District, string Text);

public sealed record CategoryCount(string Category, int Count);

public sealed record FeedbackSummary(int ThisYear, int LastYear, CategoryCount[] ByCategory, FeedbackItem[] Recent);

/// <summary>One factor of the year's priority matrix in the area; <c>Quadrant</c> is Prioritera, Bevara, ForbattraOmMojligt or LagrePrioritet.</summary>
public sealed record PriorityView(string OverallKey, string FactorKey, string NameSv, string? NameEn, double Score, double Effect, int N, string Quadrant);

public sealed record GoalAreaView(int Year, int[] Years, GoalDto Area, StatusCounts Indicators, IndicatorView[] AreaIndicators, GoalView[] Goals,
    IndicatorView[] CitizenIndicators, IndicatorView[] OperationalIndicators, PriorityView[] Priorities, FeedbackSummary Feedback);

public sealed record SeriesPoint(int Period, double? Value, double? Target, IndicatorStatus Status, Trend Trend, double? CiLow, double? CiHigh,
    double? Country, string? KoladaStatus);

public sealed record IndicatorSeries(Guid Id, string Name, IndicatorSource Source, string? SourceKey, string Unit, Direction Direction, SeriesPoint[] Points);

public sealed record ImportDto(Guid Id, string Kind, ImportState State, string? SourceUrl, int PagesFetched, int Rows, int KpisDescribed,
    string? Error, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

public sealed record UrlImportBody(string[]? Kpis, int? FromYear, int? ToYear);
