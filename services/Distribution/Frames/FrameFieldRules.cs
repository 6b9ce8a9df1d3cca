using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// The rules for single fields of a frame row. Each returns a coded error in Swedish and English, or null when the
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

    // A field's name in Swedish and English, for the messages.
    public static readonly (string Sv, string En) IdField = ("Id", "Id");
    public static readonly (string Sv, string En) NameField = ("Namn", "Name");
    public static readonly (string Sv, string En) AddressField = ("Adress", "Address");
    public static readonly (string Sv, string En) TownField = ("Ort", "Town");
    public static readonly (string Sv, string En) DistrictField = ("Distrikt", "District");

    public static FrameText? Required(string value, (string Sv, string En) what, int maxLength) =>
        value.Length == 0 ? Missing(what)
        : value.Length > maxLength ? new(FrameValueTooLong, $"{what.Sv} är längre än {maxLength} tecken", $"{what.En} is longer than {maxLength} characters")
        : null;

    static FrameText Missing((string Sv, string En) what) => new(FrameValueMissing, $"{what.Sv} saknas", $"{what.En} is missing");

    /// <summary>"NNN NN" or "NNNNN", normalized to "NNN NN".</summary>
    public static FrameText? PostalCode(string value, out string normalized)
    {
        normalized = "";
        if (value.Length == 0) return Missing(("Postnummer", "Postal code"));
        if (value.Length == 6 && value[3] == ' ' && AllDigits(value, 0, 3) && AllDigits(value, 4, 2)) normalized = value;
        else if (value.Length == 5 && AllDigits(value, 0, 5)) normalized = string.Concat(value.AsSpan(0, 3), " ", value.AsSpan(3, 2));
        else return new(FramePostalCodeInvalid, $"Ogiltigt postnummer '{value}'", $"Invalid postal code '{value}'");
        return null;
    }

    /// <summary>A birth year YYYY or a birth date YYYY-MM-DD, from 1900 to the current year.</summary>
    public static FrameText? BirthYear(string value, int currentYear, out int year)
    {
        year = 0;
        if (value.Length == 0) return Missing(("Födelseår", "Birth year"));
        var isYear = value.Length == 4 && AllDigits(value, 0, 4);
        var isDate = value.Length == 10 && AllDigits(value, 0, 4) && value[4] == '-' && AllDigits(value, 5, 2)
            && value[7] == '-' && AllDigits(value, 8, 2);
        if (!isYear && !isDate)
            return new(FrameBirthYearInvalid, $"Ogiltigt födelseår '{value}' (ange ÅÅÅÅ eller ÅÅÅÅ-MM-DD)", $"Invalid birth year '{value}' (enter YYYY or YYYY-MM-DD)");

        var candidate = Number(value, 0, 4);
        if (candidate < EarliestBirthYear || candidate > currentYear)
            return new(FrameBirthYearOutOfRange, $"Födelseåret {candidate} ligger utanför {EarliestBirthYear}–{currentYear}",
                $"The birth year {candidate} is outside {EarliestBirthYear}–{currentYear}");
        if (isDate)
        {
            var month = Number(value, 5, 2);
            var day = Number(value, 8, 2);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(candidate, month))
                return new(FrameBirthDateInvalid, $"Ogiltigt födelsedatum '{value}'", $"Invalid birth date '{value}'");
        }
        year = candidate;
        return null;
    }

    /// <summary>"K"/"kvinna" or "M"/"man", any case, normalized to "K" or "M".</summary>
    public static FrameText? Sex(string value, out string sex)
    {
        sex = "";
        if (value.Length == 0) return Missing(("Kön", "Sex"));
        if (value.Equals("K", StringComparison.OrdinalIgnoreCase) || value.Equals("kvinna", StringComparison.OrdinalIgnoreCase)) sex = "K";
        else if (value.Equals("M", StringComparison.OrdinalIgnoreCase) || value.Equals("man", StringComparison.OrdinalIgnoreCase)) sex = "M";
        else return new(FrameSexInvalid, $"Ogiltigt kön '{value}' (ange K eller M)", $"Invalid sex '{value}' (enter K or M)");
        return null;
    }

    /// <summary>
    /// A personnummer (checked) or any other identifier. <paramref name="personnummerYear"/> is the
    /// birth year in the personnummer, or null when the id is another kind of identifier.
    /// </summary>
    public static FrameText? Id(string value, int? birthYearHint, int currentYear, out string normalized, out int? personnummerYear)
    {
        normalized = "";
        personnummerYear = null;
        if (Required(value, IdField, MaxIdLength) is { } missing) return missing;
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
                return new(FramePersonnummerNoSuchDate, $"Ogiltigt personnummer '{value}': datumet finns inte", $"Invalid personnummer '{value}': the date does not exist");
            default:
                return new(FramePersonnummerCheckDigit, $"Ogiltigt personnummer '{value}': kontrollsiffran stämmer inte",
                    $"Invalid personnummer '{value}': the check digit is wrong");
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
