using System.Globalization;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// Personnummer (and samordningsnummer, day + 60) as written in register extracts:
/// YYYYMMDD-NNNN, YYMMDD-NNNN (a '+' for those 100 or older), or the same without the separator.
/// The last digit is a Luhn check digit over the ten digits YYMMDDNNN.
/// </summary>
public static class Personnummer
{
    public enum Outcome { NotAPersonnummer, Valid, NoSuchDate, CheckDigitWrong }

    /// <summary>
    /// Reads <paramref name="text"/>. Anything without the shape of a personnummer is
    /// <see cref="Outcome.NotAPersonnummer"/>. A ten-digit form takes its century from
    /// <paramref name="birthYearHint"/> when the last two digits agree, otherwise it is the latest
    /// century that puts the birth year at or before <paramref name="referenceYear"/> (minus 100 for '+').
    /// </summary>
    /// <param name="normalized">The twelve-digit form YYYYMMDD-NNNN when the outcome is Valid.</param>
    public static Outcome Parse(ReadOnlySpan<char> text, int? birthYearHint, int referenceYear,
        out string normalized, out int birthYear)
    {
        normalized = "";
        birthYear = 0;
        Span<char> digits = stackalloc char[12];
        if (!TryReadShape(text, digits, out var digitCount, out var centenarian)) return Outcome.NotAPersonnummer;

        var tail = digits.Slice(digitCount - 10, 10); // YYMMDDNNNC
        int year;
        if (digitCount == 12)
        {
            year = Number(digits[..4]);
        }
        else
        {
            var yy = Number(tail[..2]);
            if (birthYearHint is { } hint && hint % 100 == yy) year = hint;
            else
            {
                year = referenceYear - (referenceYear - yy) % 100; // the latest year ≤ referenceYear ending in yy
                if (centenarian) year -= 100;
            }
        }

        var month = Number(tail.Slice(2, 2));
        var day = Number(tail.Slice(4, 2));
        if (day > 60) day -= 60; // samordningsnummer
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Outcome.NoSuchDate;
        if (LuhnCheckDigit(tail[..9]) != tail[9] - '0') return Outcome.CheckDigitWrong;

        birthYear = year;
        normalized = string.Concat(year.ToString("D4", CultureInfo.InvariantCulture), tail[2..6], "-", tail[6..]);
        return Outcome.Valid;
    }

    /// <summary>The Luhn digit for nine digits: weights 2,1,2,…, digit sums of the products.</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9) throw new ArgumentException("The Luhn digit of a personnummer covers nine digits.", nameof(nineDigits));
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    // Accepts 12 or 10 digits, or 8/6 digits, a '-' or '+', and 4 digits.
    static bool TryReadShape(ReadOnlySpan<char> text, Span<char> digits, out int digitCount, out bool centenarian)
    {
        digitCount = 0;
        centenarian = false;
        var separatorAt = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digitCount == 12) return false;
                digits[digitCount++] = c;
            }
            else if (c is '-' or '+' && separatorAt < 0)
            {
                separatorAt = digitCount;
                centenarian = c == '+';
            }
            else return false;
        }
        if (digitCount is not (10 or 12)) return false;
        return separatorAt < 0 || separatorAt == digitCount - 4;
    }

    static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
