using Medborgare.ApiContracts.FollowUp;
using Medborgare.FollowUp.Planning;

namespace Medborgare.FollowUp.Tests;

public sealed class LatenessTests
{
    static readonly DateOnly Start = new(2025, 3, 1), End = new(2025, 6, 30);

    [Theory]
    [InlineData("2025-02-28", WorkStatus.NotStarted, Lateness.None)]
    [InlineData("2025-03-01", WorkStatus.NotStarted, Lateness.None)]       // the start day itself is not late
    [InlineData("2025-03-02", WorkStatus.NotStarted, Lateness.NotStarted)]
    [InlineData("2025-03-02", WorkStatus.InProgress, Lateness.None)]
    [InlineData("2025-06-30", WorkStatus.InProgress, Lateness.None)]       // nor the end day
    [InlineData("2025-07-01", WorkStatus.InProgress, Lateness.PastEnd)]
    [InlineData("2025-07-01", WorkStatus.NotStarted, Lateness.PastEnd)]    // past the end outweighs not started
    [InlineData("2025-07-01", WorkStatus.Done, Lateness.None)]
    [InlineData("2025-07-01", WorkStatus.Cancelled, Lateness.None)]
    public void An_activity_is_late_when_past_its_end_or_not_started_after_its_start(string today, WorkStatus status, Lateness expected) =>
        Assert.Equal(expected, LatenessRules.OfActivity(status, Start, End, DateOnly.Parse(today)));

    [Theory]
    [InlineData("2025-06-30", WorkStatus.NotStarted, Lateness.None)]
    [InlineData("2025-07-01", WorkStatus.NotStarted, Lateness.PastEnd)]
    [InlineData("2025-07-01", WorkStatus.InProgress, Lateness.PastEnd)]
    [InlineData("2025-07-01", WorkStatus.Done, Lateness.None)]
    [InlineData("2025-07-01", WorkStatus.Cancelled, Lateness.None)]
    public void An_uppdrag_is_late_when_open_past_its_deadline(string today, WorkStatus status, Lateness expected) =>
        Assert.Equal(expected, LatenessRules.OfAssignment(status, End, DateOnly.Parse(today)));

    [Fact]
    public void Today_is_the_day_in_Stockholm_not_in_UTC()
    {
        // 23:30 UTC on 30 June is 01:30 on 1 July in Stockholm (summer time): the activity is already past its end there.
        Assert.Equal(new DateOnly(2025, 7, 1), LatenessRules.Today(new FixedClock(new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero))));
        // 22:59 UTC on 31 December is 23:59 in Stockholm (winter time): still the old year.
        Assert.Equal(new DateOnly(2025, 12, 31), LatenessRules.Today(new FixedClock(new DateTimeOffset(2025, 12, 31, 22, 59, 0, TimeSpan.Zero))));
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
