using System.Globalization;
using Medborgare.ApiContracts.Collection;

namespace Medborgare.Collection.Cases;

/// <summary>A case's dates, all the timeliness report needs.</summary>
public sealed record CaseTimes(string? Committee, string? GoalArea, DateTimeOffset ReceivedAt, DateOnly DueDate, DateTimeOffset? AnsweredAt,
    int? WorkingDaysTaken, CaseStatus Status);

/// <summary>
/// Svarstider: of the cases answered in a period (by the day, in Sweden, they were answered), how many by their due day, and the
/// median working days they took; beside them the open cases past their due day (by the month they fell due).
/// </summary>
public static class Timeliness
{
    public const string NoGoalArea = "";

    public static TimelinessReport Report(IReadOnlyList<CaseTimes> cases, DateOnly from, DateOnly to, DateOnly today, int responseWorkingDays)
    {
        var answered = cases.Where(c => c.AnsweredAt is { } at && SwedishCalendar.DayInSweden(at) is var day && day >= from && day <= to).ToList();
        var overdue = cases.Where(c => c.AnsweredAt is null && c.Status != CaseStatus.Closed && c.DueDate < today && c.DueDate >= from && c.DueDate <= to).ToList();

        return new TimelinessReport(from, to, responseWorkingDays,
            Rows(answered, overdue, c => c.Committee ?? "–"),
            Rows(answered, overdue, c => (c.AnsweredAt is { } at ? SwedishCalendar.DayInSweden(at) : c.DueDate).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            Rows(answered, overdue, c => c.GoalArea ?? NoGoalArea),
            Row("", answered, overdue));
    }

    static List<TimelinessRow> Rows(List<CaseTimes> answered, List<CaseTimes> overdue, Func<CaseTimes, string> key) =>
        [.. answered.Select(key).Concat(overdue.Select(key)).Distinct().Order(StringComparer.Ordinal)
            .Select(k => Row(k, [.. answered.Where(c => key(c) == k)], [.. overdue.Where(c => key(c) == k)]))];

    static TimelinessRow Row(string key, List<CaseTimes> answered, List<CaseTimes> overdue)
    {
        var inTime = answered.Count(c => SwedishCalendar.DayInSweden(c.AnsweredAt!.Value) <= c.DueDate);
        var days = answered.Where(c => c.WorkingDaysTaken is not null).Select(c => (double)c.WorkingDaysTaken!.Value).ToArray();
        return new TimelinessRow(key, answered.Count, inTime, answered.Count == 0 ? null : 100.0 * inTime / answered.Count, Median(days), overdue.Count);
    }

    /// <summary>The middle value, or the mean of the two middle values; null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
