namespace Medborgare.Collection.Cases;

/// <summary>
/// Working days in Sweden, for the time limits of synpunkter: Saturdays, Sundays and the public holidays of
/// Lag (1989:253) om allmänna helgdagar are not working days, and neither are midsommarafton, julafton and nyårsafton, which
/// Lag (1930:173) om beräkning av lagstadgad tid counts like them. Easter by the Gregorian computus (Meeus/Jones/Butcher).
/// </summary>
public static class SwedishCalendar
{
    static readonly TimeZoneInfo Stockholm =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar day in Sweden of an instant.</summary>
    public static DateOnly DayInSweden(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Stockholm).DateTime);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayName(day) is null;

    /// <summary>The holiday's or eve's Swedish name, or null for an ordinary day (a plain Saturday or Sunday included).</summary>
    public static string? HolidayName(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        return (day.Month, day.Day) switch
        {
            (1, 1) => "nyårsdagen",
            (1, 6) => "trettondedag jul",
            (5, 1) => "första maj",
            (6, 6) => "Sveriges nationaldag",
            (12, 24) => "julafton",
            (12, 25) => "juldagen",
            (12, 26) => "annandag jul",
            (12, 31) => "nyårsafton",
            _ when day == easter.AddDays(-2) => "långfredagen",
            _ when day == easter => "påskdagen",
            _ when day == easter.AddDays(1) => "annandag påsk",
            _ when day == easter.AddDays(39) => "Kristi himmelsfärdsdag",
            _ when day == easter.AddDays(49) => "pingstdagen",
            // Midsommardagen is the Saturday from 20 to 26 June, its eve the Friday before.
            (6, >= 20 and <= 26) when day.DayOfWeek == DayOfWeek.Saturday => "midsommardagen",
            (6, >= 19 and <= 25) when day.DayOfWeek == DayOfWeek.Friday => "midsommarafton",
            // Alla helgons dag is the Saturday from 31 October to 6 November.
            (10, 31) or (11, <= 6) when day.DayOfWeek == DayOfWeek.Saturday => "alla helgons dag",
            _ => null,
        };
    }

    /// <summary>The working day <paramref name="workingDays"/> working days after <paramref name="start"/> (the start itself never counts).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>Easter Sunday of a Gregorian year.</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
