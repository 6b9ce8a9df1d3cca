using System.Text.Json.Serialization;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Results;

// The results JSON contract that the analyst's web pages read (camelCase, enums as strings).

public enum ResultStatus { Preliminary, Published }

public sealed record LocalizedText(string Sv, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? En);

public sealed record SurveyResultsDto(
    Guid SurveyId, string MunicipalityCode, int Year, LocalizedText Title, ResultStatus Status, DateTimeOffset? PublishedAt,
    bool Closed, long Respondents, CalibrationDto Calibration, IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<BreakdownDto> Breakdowns, IReadOnlyList<PriorityMatrix> Priorities, IReadOnlyList<TrendDto> Trends,
    IReadOnlyList<ChoiceQuestionDto> ChoiceQuestions, bool KeepPublishedCurrent);

/// <summary><see cref="MaxRelativeDeviation"/> is null when raking did not run (e.g. no respondents).</summary>
public sealed record CalibrationDto(CalibrationStatus Status, int Iterations, double? MaxRelativeDeviation,
    IReadOnlyList<CollapsedGroup> Collapsed, IReadOnlyList<string> EmptyStrata, string? Message);

public sealed record IndicatorDto(string Key, IndicatorKind Kind, LocalizedText Name, IReadOnlyList<string> GoalAreaTags,
    double Value, double StandardError, double CiLow, double CiHigh, long N, string? Label, string? LabelEn);

public sealed record BreakdownDto(string Dimension, string IndicatorKey, IReadOnlyList<BreakdownGroupDto> Groups);

public sealed record BreakdownGroupDto(string Group, long N, SuppressionReason Suppression, EstimateDto? Estimate);

public sealed record EstimateDto(double Value, double StandardError, double CiLow, double CiHigh, long N);

public sealed record TrendDto(string Key, IReadOnlyList<TrendPoint> Years, IReadOnlyList<YearComparison> Comparisons);

public sealed record ChoiceQuestionDto(string Key, LocalizedText Text);
