using Medborgare.ApiContracts.FollowUp;

namespace Medborgare.FollowUp.Evaluation;

/// <summary>What a feedback indicator measures, from its <c>SourceKey</c>.</summary>
public enum FeedbackMeasureKind
{
    /// <summary>No key: the number of synpunkter in the goal area in the year.</summary>
    Count,
    /// <summary><c>answered-in-time</c>: the share (0–100) of the year's answered cases answered within the response time.</summary>
    AnsweredInTime,
    /// <summary><c>median-response-days</c>: the median of the year's answered cases' working days.</summary>
    MedianResponseDays,
    /// <summary><c>theme:&lt;category&gt;</c>: the number of synpunkter of one category in the goal area in the year.</summary>
    Theme,
}

/// <param name="Category">The category of a <see cref="FeedbackMeasureKind.Theme"/>, lower case.</param>
public sealed record FeedbackMeasure(FeedbackMeasureKind Kind, string? Category = null);

/// <summary>Feedback indicators' keys and their pure calculations, over plain values.</summary>
public static class FeedbackMeasures
{
    public const string AnsweredInTimeKey = FeedbackIndicatorKeys.AnsweredInTime;
    public const string MedianResponseDaysKey = FeedbackIndicatorKeys.MedianResponseDays;
    public const string ThemePrefix = FeedbackIndicatorKeys.ThemePrefix;
    public static IReadOnlyList<string> Categories => FeedbackIndicatorKeys.Categories;

    /// <summary>Every key a feedback indicator may have, for error messages.</summary>
    public static IEnumerable<string> Keys => Categories.Select(c => ThemePrefix + c).Prepend(MedianResponseDaysKey).Prepend(AnsweredInTimeKey);

    /// <summary>The measure a key names, or null for a key that names none. A null or empty key is today's count.</summary>
    public static FeedbackMeasure? Parse(string? key)
    {
        var k = key?.Trim();
        if (string.IsNullOrEmpty(k)) return new FeedbackMeasure(FeedbackMeasureKind.Count);
        if (k.Equals(AnsweredInTimeKey, StringComparison.OrdinalIgnoreCase)) return new FeedbackMeasure(FeedbackMeasureKind.AnsweredInTime);
        if (k.Equals(MedianResponseDaysKey, StringComparison.OrdinalIgnoreCase)) return new FeedbackMeasure(FeedbackMeasureKind.MedianResponseDays);
        if (k.StartsWith(ThemePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var category = k[ThemePrefix.Length..].Trim().ToLowerInvariant();
            if (Categories.Contains(category)) return new FeedbackMeasure(FeedbackMeasureKind.Theme, category);
        }
        return null;
    }

    /// <summary>The key as stored: lower case, trimmed; null for the count.</summary>
    public static string? Key(FeedbackMeasure measure) => measure.Kind switch
    {
        FeedbackMeasureKind.AnsweredInTime => AnsweredInTimeKey,
        FeedbackMeasureKind.MedianResponseDays => MedianResponseDaysKey,
        FeedbackMeasureKind.Theme => ThemePrefix + measure.Category,
        _ => null,
    };

    /// <summary>The percentage (0–100) of cases answered in time; null without any answered case.</summary>
    public static double? InTimeShare(IReadOnlyCollection<bool> inTime) =>
        inTime.Count == 0 ? null : 100.0 * inTime.Count(x => x) / inTime.Count;

    /// <summary>The median; the mean of the two middle values for an even count; null for none.</summary>
    public static double? Median(IReadOnlyCollection<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar year in Sweden of a moment: an answer just after midnight on New Year's Eve UTC+1 is next year's.</summary>
    public static int SwedishYear(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Sweden).Year;

    /// <summary>The moments that begin and end a stretch of Swedish calendar years, for a query (the end excluded).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) SwedishYears(int first, int last) =>
        (StartOf(first), StartOf(last + 1));

    static DateTimeOffset StartOf(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // In UTC: Npgsql writes only offset 0 to a timestamptz.
        return new DateTimeOffset(local, Sweden.GetUtcOffset(local)).ToUniversalTime();
    }
}
