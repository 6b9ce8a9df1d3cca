namespace Medborgare.Web.Services.Analysis;

// The Analysis service's results API as JSON (web defaults, enums as strings). Enum-like fields stay strings here, so that a
// value this page does not know yet is shown rather than breaking the whole page.

/// <summary>A survey Analysis knows, for the year selector.</summary>
public sealed record AnalysedSurveyDto(Guid SurveyId, string MunicipalityCode, int Year, string TitleSv, DateTimeOffset? PublishedAt);

/// <summary>A text per language code ("sv" always, "en" when given).</summary>
public sealed record ResultText(string? Sv, string? En)
{
    public string In(string language) => language == "en" && !string.IsNullOrWhiteSpace(En) ? En : Sv ?? En ?? "";
}

public sealed record SurveyResultsDto(
    Guid SurveyId, string MunicipalityCode, int Year, ResultText Title, string Status, DateTimeOffset? PublishedAt, bool Closed,
    long Respondents, CalibrationDto Calibration, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<BreakdownDto> Breakdowns,
    IReadOnlyList<PriorityMatrixDto> Priorities, IReadOnlyList<TrendDto> Trends, IReadOnlyList<ChoiceQuestionDto> ChoiceQuestions,
    bool KeepPublishedCurrent = false)
{
    public bool IsPublished => Status == "Published";
}

public sealed record CalibrationDto(string Status, int Iterations, double? MaxRelativeDeviation, IReadOnlyList<CollapsedCellDto>? Collapsed,
    IReadOnlyList<string>? EmptyStrata, string? Message)
{
    public bool Converged => Status == "Converged";
}

public sealed record CollapsedCellDto(string Sex, IReadOnlyList<string> AgeGroups, string? Label);

public sealed record IndicatorDto(string Key, string Kind, ResultText Name, IReadOnlyList<string>? GoalAreaTags, double Value,
    double StandardError, double CiLow, double CiHigh, long N, string? Label, string? LabelEn)
{
    public string LabelIn(string language) => (language == "en" ? LabelEn : Label) ?? Label ?? "";
}

public sealed record BreakdownDto(string Dimension, string IndicatorKey, IReadOnlyList<BreakdownGroupDto> Groups);

public sealed record BreakdownGroupDto(string Group, long N, string Suppression, EstimateDto? Estimate)
{
    public bool IsSuppressed => Suppression is "Primary" or "Secondary";
}

public sealed record EstimateDto(double Value, double StandardError, double CiLow, double CiHigh, long N);

public sealed record PriorityMatrixDto(string OverallKey, double MeanScore, double MeanEffect, IReadOnlyList<PriorityFactorDto> Factors);

public sealed record PriorityFactorDto(string FactorKey, double Score, double Effect, long N, string Quadrant, string? QuadrantLabel);

public sealed record TrendDto(string Key, IReadOnlyList<TrendYearDto> Years, IReadOnlyList<ComparisonDto> Comparisons);

public sealed record TrendYearDto(int Year, double Value, double StandardError, long N);

public sealed record ComparisonDto(int FromYear, int ToYear, double Difference, double StandardError, bool Significant, string Direction,
    string? TextSv, string? TextEn)
{
    public string TextIn(string language) => (language == "en" ? TextEn : TextSv) ?? TextSv ?? "";
}

public sealed record ChoiceQuestionDto(string Key, ResultText Text);

/// <summary>A free-text question of the survey's questionnaire, for choosing whose answers to read.</summary>
public sealed record FreeTextQuestion(string Key, ResultText Text);

/// <summary>Texts from the questionnaire that the results do not carry.</summary>
public sealed record QuestionTexts(IReadOnlyList<FreeTextQuestion> FreeText,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ResultText>> ChoiceTexts)
{
    public static QuestionTexts None { get; } = new([], new Dictionary<string, IReadOnlyDictionary<string, ResultText>>());

    public IReadOnlyDictionary<string, string>? ChoicesIn(string questionKey, string language) =>
        ChoiceTexts.GetValueOrDefault(questionKey)?.ToDictionary(c => c.Key, c => c.Value.In(language));
}

/// <summary>An open feedback item (synpunkt) as Analysis keeps it: the text is already masked.</summary>
public sealed record FeedbackDto(Guid FeedbackId, string MaskedText, string? Category, string? GoalArea, string? District, DateTimeOffset? ReceivedAt)
{
    public string Body => MaskedText;
}

/// <summary>The answers to one free-text question, in random order and without anything that says whose they are.</summary>
public sealed record FreeTextAnswers(string Question, IReadOnlyList<string> Answers);
