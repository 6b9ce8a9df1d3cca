using System.Globalization;

namespace Medborgare.Web.Components.Pages.Analyst;

/// <summary>Addresses and number and date formats shared by the analyst's pages.</summary>
public static class AnalystFormat
{
    static readonly TimeZoneInfo Sweden = FindSwedishTimeZone();

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string SurveyUrl(Guid id, string? query = null, string? section = null) =>
        $"/analys/enkater/{id}{(query is null ? "" : "?" + query)}{(section is null ? "" : "#" + section)}";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double value) => value.ToString("0.0", CultureInfo.CurrentCulture) + " %";

    /// <summary>A moment in Swedish time, as staff in the municipality read it.</summary>
    public static string DateTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Sweden).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Sweden).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static TimeZoneInfo FindSwedishTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;
}
