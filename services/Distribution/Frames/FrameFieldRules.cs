namespace Medborgare.Distribution.Frames;

/// <summary>
/// The rules for single fields of a frame row. Each returns a message in Swedish, or null when the
/// value is good. Hand-written character checks, because the frame may have 100,000 rows.
/// </summary>
internal static class FrameFieldRules
{
    public const int MaxIdLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 200;
    public const int MaxTownLength = 100;
    public const int MaxDistrictLength = 100;
    public const int EarliestBirthYear = 1900;

    public static string? Required(string value, string what, int maxLength) =>
        value.Length == 0 ? $"{what} saknas"
        : value.Length > maxLength ? $"{what} är längre än {maxLength} tecken"
        : null;

    /// <summary>"NNN NN" or "NNNNN", normalized to "NNN NN".</summary>
    public static string? PostalCode(string value, out string normalized)
    {
        normalized = "";
        if (value.Length == 0) return "Postnummer saknas";
        if (value.Length == 6 && value[3] == ' ' && AllDigits(value, 0, 3) && AllDigits(value, 4, 2)) normalized = value;
        else if (value.Length == 5 && AllDigits(value, 0, 5)) normalized = string.Concat(value.AsSpan(0, 3), " ", value.AsSpan(3, 2));
        else return $"Ogiltigt postnummer '{value}'";
        return null;
    }

    /// <summary>A birth year YYYY or a birth date YYYY-MM-DD, from 1900 to the current year.</summary>
    public static string? BirthYear(string value, int currentYear, out int year)
    {
        year = 0;
        if (value.Length == 0) return "Födelseår saknas";
        var isYear = value.Length == 4 && AllDigits(value, 0, 4);
        var isDate = value.Length == 10 && AllDigits(value, 0, 4) && value[4] == '-' && AllDigits(value, 5, 2)
            && value[7] == '-' && AllDigits(value, 8, 2);
        if (!isYear && !isDate) return $"Ogiltigt födelseår '{value}' (ange ÅÅÅÅ eller ÅÅÅÅ-MM-DD)";

        var candidate = Number(value, 0, 4);
        if (candidate < EarliestBirthYear || candidate > currentYear)
            return $"Födelseåret {candidate} ligger utanför {EarliestBirthYear}–{currentYear}";
        if (isDate)
        {
            var month = Number(value, 5, 2);
            var day = Number(value, 8, 2);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(candidate, month))
                return $"Ogiltigt födelsedatum '{value}'";
        }
        year = candidate;
        return null;
    }

    /// <summary>"K"/"kvinna" or "M"/"man", any case, normalized to "K" or "M".</summary>
    public static string? Sex(string value, out string sex)
    {
        sex = "";
        if (value.Length == 0) return "Kön saknas";
        if (value.Equals("K", StringComparison.OrdinalIgnoreCase) || value.Equals("kvinna", StringComparison.OrdinalIgnoreCase)) sex = "K";
        else if (value.Equals("M", StringComparison.OrdinalIgnoreCase) || value.Equals("man", StringComparison.OrdinalIgnoreCase)) sex = "M";
        else return $"Ogiltigt kön '{value}' (ange K eller M)";
        return null;
    }

    /// <summary>
    /// A personnummer (checked) or any other identifier. <paramref name="personnummerYear"/> is the
    /// birth year in the personnummer, or null when the id is another kind of identifier.
    /// </summary>
    public static string? Id(string value, int? birthYearHint, int currentYear, out string normalized, out int? personnummerYear)
    {
        normalized = "";
        personnummerYear = null;
        if (Required(value, "Id", MaxIdLength) is { } missing) return missing;
        switch (Personnummer.Parse(value, birthYearHint, currentYear, out var personnummer, out var year))
        {
            case Personnummer.Outcome.NotAPersonnummer:
                normalized = value;
                return null;
            case Personnummer.Outcome.Valid:
                normalized = personnummer;
                personnummerYear = year;
                return null;
            case Personnummer.Outcome.NoSuchDate:
                return $"Ogiltigt personnummer '{value}': datumet finns inte";
            default:
                return $"Ogiltigt personnummer '{value}': kontrollsiffran stämmer inte";
        }
    }

    static bool AllDigits(string s, int start, int length)
    {
        for (var i = start; i < start + length; i++)
            if (!char.IsAsciiDigit(s[i])) return false;
        return true;
    }

    static int Number(string s, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++) n = n * 10 + (s[i] - '0');
        return n;
    }
}
