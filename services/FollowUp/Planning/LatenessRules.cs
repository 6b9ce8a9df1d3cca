namespace Medborgare.FollowUp.Planning;

/// <summary>
/// When an activity or uppdrag counts as late, judged on one day. Pure: the caller gives "today" (see <see cref="Today"/>).
/// </summary>
public static class LatenessRules
{
    static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The municipality's day: plans are judged by the Swedish calendar, not by UTC.</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);

    public static Lateness OfActivity(WorkStatus status, DateOnly start, DateOnly end, DateOnly today)
    {
        if (status is WorkStatus.Done or WorkStatus.Cancelled) return Lateness.None;
        if (today > end) return Lateness.PastEnd;
        if (today > start && status == WorkStatus.NotStarted) return Lateness.NotStarted;
        return Lateness.None;
    }

    public static Lateness OfAssignment(WorkStatus status, DateOnly deadline, DateOnly today) =>
        status is WorkStatus.Done or WorkStatus.Cancelled || today <= deadline ? Lateness.None : Lateness.PastEnd;
}
