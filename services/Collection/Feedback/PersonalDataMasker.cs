using System.Text.RegularExpressions;

namespace Medborgare.Collection.Feedback;

/// <summary>
/// Masks personal data in free text before it leaves Collection: Swedish personal identity numbers
/// (personnummer and samordningsnummer, with or without century, separator or spaces), phone numbers
/// (Swedish national and +46 forms) and e-mail addresses.
/// </summary>
public static partial class PersonalDataMasker
{
    public const string PersonalNumberMask = "[personnummer]";
    public const string PhoneMask = "[telefonnummer]";
    public const string EmailMask = "[e-post]";

    // YYYYMMDD-NNNN, YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDDNNNN, YYMMDDNNNN, with '-', '+', space or nothing between.
    [GeneratedRegex(@"(?<![\d+])(?:(?:19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])\s?[-+\s]?\s?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalNumber();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // +46 70 123 45 67, 0046..., 070-123 45 67, 08-123 456 78, (08) 123 45 67, 0701234567: 8 to 12 digits with separators.
    [GeneratedRegex(@"(?<![\w+])(?:\+46|0046|\(0\d{1,3}\)|0)[\s\-]?(?:\(0\))?\d(?:[\s\-/]?\d){6,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public static string Mask(string text)
    {
        // Order matters: identity numbers first (they would also look like phone numbers), then e-mail, then phones.
        var masked = PersonalNumber().Replace(text, m => LooksLikePhoneNumber(m.Value) ? m.Value : PersonalNumberMask);
        masked = Email().Replace(masked, EmailMask);
        return Phone().Replace(masked, PhoneMask);
    }

    /// <summary>
    /// "0701234567" fits both patterns. A real personnummer passes the Luhn check; a leading 0 without a valid
    /// check digit is a phone number (masked by the phone pattern next). Anything else date-shaped is masked as a
    /// personnummer even with a wrong check digit: a mistyped identity number still identifies someone.
    /// </summary>
    static bool LooksLikePhoneNumber(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).ToArray();
        var last10 = digits[^10..];
        return candidate[0] == '0' && !LuhnValid(last10);
    }

    static bool LuhnValid(char[] tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }
}
