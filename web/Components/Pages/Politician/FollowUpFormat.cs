using System.Globalization;
using Medborgare.ApiContracts.FollowUp;

namespace Medborgare.Web.Components.Pages.Politician;

/// <summary>Numbers, words and symbols shared by the politicians' pages and the goal administration.</summary>
public static class FollowUpFormat
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string AreaUrl(Guid id, int? year = null) => year is { } y ? $"/mal/{id}?ar={y}" : $"/mal/{id}";
    public static string AdminGoalUrl(Guid id) => $"/admin/mal/{id}";
    public static string AdminIndicatorUrl(Guid id) => $"/admin/mal/indikator/{id}";
    public static string ImportUrl(Guid id) => $"/admin/mal/nyckeltal/{id}";

    /// <summary>A value with at most one decimal, in the reader's culture (Swedish decimal comma).</summary>
    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("#,##0.#", CultureInfo.CurrentCulture) : "–";

    public static string WithUnit(double? value, string unit) =>
        value is null ? "–" : string.IsNullOrWhiteSpace(unit) ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>Status is never shown by colour alone: each has a symbol beside its word.</summary>
    public static string Symbol(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => "✔",
        IndicatorStatus.Yellow => "▲",
        IndicatorStatus.Red => "✖",
        _ => "○",
    };

    public static string StatusKey(IndicatorStatus status) => "FuStatus" + status;
    public static string TrendKey(Trend trend) => "FuTrend" + trend;
    public static string LevelKey(GoalLevel level) => "FuLevel" + level;
    public static string AssessmentKey(Assessment? assessment) => "FuAssessment" + (assessment?.ToString() ?? "None");
    public static string SourceKey(IndicatorSource source) => "FuSource" + source;
    public static string DirectionKey(Direction direction) => "FuDirection" + direction;

    /// <summary>
    /// The text key of a feedback indicator's unit, from what it measures (whatever unit was typed for it), so it reads right
    /// in both languages: % for the share in time, working days for the median, a count otherwise. Null for other sources.
    /// </summary>
    public static string? FeedbackUnitKey(IndicatorSource source, string? sourceKey) => source != IndicatorSource.Feedback ? null : sourceKey switch
    {
        FeedbackIndicatorKeys.AnsweredInTime => "FuUnitPercent",
        FeedbackIndicatorKeys.MedianResponseDays => "FuUnitWorkingDays",
        _ => "FuUnitCount",
    };

    /// <summary>The text key that says what a feedback indicator measures, and the theme's text key for a theme count.</summary>
    public static (string Key, string? ThemeKey) FeedbackMeasureKey(string? sourceKey) => sourceKey switch
    {
        null or "" => ("FuMeasureCount", null),
        FeedbackIndicatorKeys.AnsweredInTime => ("FuMeasureAnsweredInTime", null),
        FeedbackIndicatorKeys.MedianResponseDays => ("FuMeasureMedianDays", null),
        _ when sourceKey.StartsWith(FeedbackIndicatorKeys.ThemePrefix, StringComparison.Ordinal) =>
            ("FuMeasureTheme", sourceKey[FeedbackIndicatorKeys.ThemePrefix.Length..] switch
            {
                "beröm" => "FuThemePraise",
                "klagomål" => "FuThemeComplaint",
                "förslag" => "FuThemeSuggestion",
                "fråga" => "FuThemeQuestion",
                _ => null,
            }),
        _ => ("FuMeasureUnknown", null),
    };

    public static string StatusClass(IndicatorStatus status) => "fu-status fu-status-" + status.ToString().ToLowerInvariant();

    public static string Significance(CitizenDetail detail) => English ? detail.SignificanceEn : detail.SignificanceSv;

    public static string When(DateTimeOffset? at) => at is { } t ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Parses a number typed with a comma or a point.</summary>
    public static bool TryParse(string? text, out double value) =>
        double.TryParse(text?.Trim().Replace(',', '.').Replace(" ", "").Replace(" ", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    public static string Invariant(double value) => value.ToString("0.###", CultureInfo.CurrentCulture);
}
