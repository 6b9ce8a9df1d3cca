using Medborgare.Collection.Cases;

namespace Medborgare.Collection.Tests;

/// <summary>Working days against dates worked out by hand from a calendar (the reasoning is beside each row).</summary>
public sealed class SwedishCalendarTests
{
    [Theory]
    // Easter Sundays from published tables.
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_Sunday(int year, string expected) => Assert.Equal(DateOnly.Parse(expected), SwedishCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2026-04-03", "långfredagen")]
    [InlineData("2026-04-05", "påskdagen")]
    [InlineData("2026-04-06", "annandag påsk")]
    [InlineData("2026-05-14", "Kristi himmelsfärdsdag")] // Easter 5 April + 39
    [InlineData("2026-05-24", "pingstdagen")]            // Easter + 49, a Sunday
    [InlineData("2025-06-20", "midsommarafton")]         // the Friday from 19 to 25 June
    [InlineData("2025-06-21", "midsommardagen")]
    [InlineData("2026-06-19", "midsommarafton")]
    [InlineData("2026-06-20", "midsommardagen")]
    [InlineData("2024-11-02", "alla helgons dag")]       // the Saturday from 31 October to 6 November
    [InlineData("2026-10-31", "alla helgons dag")]
    [InlineData("2027-01-06", "trettondedag jul")]
    [InlineData("2026-12-24", "julafton")]
    [InlineData("2026-12-31", "nyårsafton")]
    [InlineData("2026-06-06", "Sveriges nationaldag")]
    public void Holidays_and_eves(string day, string name) => Assert.Equal(name, SwedishCalendar.HolidayName(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2025-06-09")] // annandag pingst, a working day since 2005
    [InlineData("2026-06-26")] // the Friday after midsommar
    [InlineData("2026-11-02")] // the Monday after alla helgons dag
    [InlineData("2026-04-02")] // skärtorsdagen
    public void Ordinary_working_days(string day) => Assert.True(SwedishCalendar.IsWorkingDay(DateOnly.Parse(day)));

    [Theory]
    // Mon 14 Dec: 15–18 (4), 21–23 (7), 24 julafton, 25 juldagen, 26–27 weekend, 28–30 (10).
    [InlineData("2026-12-14", 10, "2026-12-30")]
    // Sat 5 Dec: 7–11 (5), 14–18 (10).
    [InlineData("2026-12-05", 10, "2026-12-18")]
    // Thu 2 Apr: långfredagen, Saturday, påskdagen, annandag påsk, then Tue 7 Apr.
    [InlineData("2026-04-02", 1, "2026-04-07")]
    // Wed 13 May: Kristi himmelsfärdsdag on Thu 14 May, so Fri 15 May.
    [InlineData("2026-05-13", 1, "2026-05-15")]
    // Thu 19 Jun 2025: midsommarafton, midsommardagen, Sunday, then Mon 23 Jun.
    [InlineData("2025-06-19", 1, "2025-06-23")]
    // Thu 5 Jun 2025: nationaldagen on Friday, weekend (pingstdagen on Sunday), Mon 9 Jun.
    [InlineData("2025-06-05", 1, "2025-06-09")]
    // Wed 30 Dec: nyårsafton, nyårsdagen, weekend, Mon 4 Jan 2027.
    [InlineData("2026-12-30", 1, "2027-01-04")]
    // Tue 5 Jan 2027: trettondedag jul on Wednesday, so Thu 7 Jan.
    [InlineData("2027-01-05", 1, "2027-01-07")]
    // Thu 30 Apr: första maj on Friday, Mon 4 May.
    [InlineData("2026-04-30", 1, "2026-05-04")]
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void Adding_working_days(string start, int days, string expected)
    {
        var deadline = SwedishCalendar.AddWorkingDays(DateOnly.Parse(start), days);
        Assert.Equal(DateOnly.Parse(expected), deadline);
        Assert.Equal(days, SwedishCalendar.WorkingDaysBetween(DateOnly.Parse(start), deadline));
    }

    [Fact]
    public void Working_days_between_a_day_and_an_earlier_one_are_none() =>
        Assert.Equal(0, SwedishCalendar.WorkingDaysBetween(new DateOnly(2026, 12, 18), new DateOnly(2026, 12, 14)));

    [Theory]
    // 23:30 UTC on 31 Dec is already 1 Jan in Stockholm (UTC+1 in winter); 22:30 UTC on 20 Jun is 00:30 on 21 Jun (UTC+2 in summer).
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    [InlineData("2025-06-20T22:30:00Z", "2025-06-21")]
    [InlineData("2025-06-20T21:30:00Z", "2025-06-20")]
    public void The_day_of_an_instant_is_the_day_in_Sweden(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day), SwedishCalendar.DayInSweden(DateTimeOffset.Parse(instant)));
}
