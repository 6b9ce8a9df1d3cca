using System.Text.Json.Serialization;

namespace Medborgare.ApiContracts.Analysis;

// Analysis's results (/api/surveys/{id}/results): the year's calibration, indicators with 95% CI, breakdowns with suppression
// (röjandeskydd), priority matrices and trends, live (preliminary) or as published. The service maps its statistics kernel's
// figures onto these records; the analyst's results pages read them.

// Enums travel as their names, whoever serializes them.
[JsonConverter(typeof(JsonStringEnumConverter<ResultStatus>))]
public enum ResultStatus { Preliminary, Published }

/// <summary>How the weighting went: only Converged comes with figures.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CalibrationStatus>))]
public enum CalibrationStatus
{
    Converged,
    /// <summary>The margins were not met within the iteration limit: there are no weights to estimate with.</summary>
    NotConverged,
    /// <summary>The margins cannot be met at all (e.g. respondents where the frame has nobody, or a sex with no respondents).</summary>
    Infeasible,
}

/// <summary>Overall index, factor (sub-index), item (one question) or share (the part answering low, middle or high).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
public enum IndicatorKind { Overall, Factor, Item, Share }

/// <summary>Why a group of a breakdown shows no estimate: too few answers (Primary), or to protect such a group (Secondary).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuppressionReason>))]
public enum SuppressionReason { None, Primary, Secondary }

/// <summary>Where a factor lies in the prioriteringsmatris (score against effect, each against its mean).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Quadrant>))]
public enum Quadrant { Prioritera, Bevara, ForbattraOmMojligt, LagrePrioritet }

/// <summary>This year against an earlier one: a change only when it is statistically significant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeDirection>))]
public enum ChangeDirection { NoSignificantChange, Increase, Decrease }

/// <summary>A text in Swedish and, when there is one, English.</summary>
public sealed record LocalizedText(string Sv, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? En)
{
    /// <summary>The text in a language code ("en" when there is English), else the Swedish one.</summary>
    public string In(string language) => language == "en" && !string.IsNullOrWhiteSpace(En) ? En : Sv;
}

public sealed record SurveyResultsDto(
    Guid SurveyId, string MunicipalityCode, int Year, LocalizedText Title, ResultStatus Status, DateTimeOffset? PublishedAt,
    bool Closed, long Respondents, CalibrationDto Calibration, IReadOnlyList<IndicatorDto> Indicators,
    IReadOnlyList<BreakdownDto> Breakdowns, IReadOnlyList<PriorityMatrixDto> Priorities, IReadOnlyList<TrendDto> Trends,
    IReadOnlyList<ChoiceQuestionDto> ChoiceQuestions, bool KeepPublishedCurrent)
{
    [JsonIgnore] public bool IsPublished => Status == ResultStatus.Published;
}

/// <summary><see cref="MaxRelativeDeviation"/> is null when raking did not run (e.g. no respondents).</summary>
public sealed record CalibrationDto(CalibrationStatus Status, int Iterations, double? MaxRelativeDeviation,
    IReadOnlyList<CollapsedGroupDto> Collapsed, IReadOnlyList<string> EmptyStrata, string? Message)
{
    [JsonIgnore] public bool Converged => Status == CalibrationStatus.Converged;
}

/// <summary>A (sex × age group) margin cell without respondents, merged with its neighbour(s); <c>Label</c> as "K:75-84+85+".</summary>
public sealed record CollapsedGroupDto(string Sex, IReadOnlyList<string> AgeGroups, string Label);

/// <summary>
/// One figure on 0–100 (index points, or percent for a share) with its standard error and 95% CI. <c>Label</c> and
/// <c>LabelEn</c> ("nöjd" etc.) only for indices, and only outside the band between the labels.
/// </summary>
public sealed record IndicatorDto(string Key, IndicatorKind Kind, LocalizedText Name, IReadOnlyList<string> GoalAreaTags,
    double Value, double StandardError, double CiLow, double CiHigh, long N, string? Label, string? LabelEn)
{
    public string LabelIn(string language) => (language == "en" ? LabelEn : Label) ?? Label ?? "";
}

public sealed record BreakdownDto(string Dimension, string IndicatorKey, IReadOnlyList<BreakdownGroupDto> Groups);

/// <summary>A group of a breakdown: its estimate is null when the group is suppressed.</summary>
public sealed record BreakdownGroupDto(string Group, long N, SuppressionReason Suppression, EstimateDto? Estimate)
{
    [JsonIgnore] public bool IsSuppressed => Suppression is SuppressionReason.Primary or SuppressionReason.Secondary;
}

public sealed record EstimateDto(double Value, double StandardError, double CiLow, double CiHigh, long N);

/// <summary>One prioriteringsmatris: an overall index and its factors.</summary>
public sealed record PriorityMatrixDto(string OverallKey, double MeanScore, double MeanEffect, IReadOnlyList<PriorityFactorDto> Factors);

/// <summary>A factor's index (score) and effect = 5·β on the 0–100 scales; <c>QuadrantLabel</c> is the quadrant's Swedish name.</summary>
public sealed record PriorityFactorDto(string FactorKey, double Score, double Effect, long N, Quadrant Quadrant, string QuadrantLabel);

/// <summary>An indicator over up to five years, and this year against each earlier year.</summary>
public sealed record TrendDto(string Key, IReadOnlyList<TrendPointDto> Years, IReadOnlyList<YearComparisonDto> Comparisons);

public sealed record TrendPointDto(int Year, double Value, double StandardError, long N);

/// <summary>A change between two years, with what a politician reads ("statistiskt säkerställd ökning") in both languages.</summary>
public sealed record YearComparisonDto(int FromYear, int ToYear, double Difference, double StandardError, bool Significant,
    ChangeDirection Direction, string TextSv, string TextEn)
{
    public string TextIn(string language) => language == "en" ? TextEn : TextSv;
}

/// <summary>A single- or multiple-choice question the results can be broken down by (/results/breakdown?question=…).</summary>
public sealed record ChoiceQuestionDto(string Key, LocalizedText Text);

/// <summary>What publishing the year's results stored (POST /results/publish).</summary>
public sealed record PublishedDto(Guid SurveyId, int Year, DateTimeOffset PublishedAt, int Indicators, bool KeepCurrent);
