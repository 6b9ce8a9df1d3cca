namespace Medborgare.ApiContracts.FollowUp;

/// <summary>
/// The <c>SourceKey</c> values of a feedback indicator. No key: the number of synpunkter in the goal area in the year.
/// <see cref="AnsweredInTime"/>: the share (%) of the year's answered cases answered within the response time.
/// <see cref="MedianResponseDays"/>: their median response time in working days. <see cref="ThemePrefix"/> and a category:
/// the number of synpunkter of that category. The answered measures have no value in a year without an answered case.
/// </summary>
public static class FeedbackIndicatorKeys
{
    public const string AnsweredInTime = "answered-in-time";
    public const string MedianResponseDays = "median-response-days";
    public const string ThemePrefix = "theme:";

    /// <summary>The synpunkt categories Collection offers.</summary>
    public static readonly IReadOnlyList<string> Categories = ["beröm", "klagomål", "förslag", "fråga"];
}
