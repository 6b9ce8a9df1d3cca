using Medborgare.ApiContracts.Distribution;
using Microsoft.Extensions.Localization;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Web.Components.Pages.Analyst;

/// <summary>
/// Our own text, in the page's language, for each code Distribution gives a bad line of a frame file. A code we do not word
/// shows Distribution's own message, which follows the page's language too.
/// </summary>
public static class FrameErrorTexts
{
    static readonly Dictionary<string, string> TextKeys = new(StringComparer.Ordinal)
    {
        [FrameFileEmpty] = "FrameErrorFileEmpty",
        [FrameColumnTwice] = "FrameErrorColumnTwice",
        [FrameColumnMissing] = "FrameErrorColumnMissing",
        [FrameQuoteUnterminated] = "FrameErrorQuoteUnterminated",
        [FrameFieldCount] = "FrameErrorFieldCount",
        [FrameValueMissing] = "FrameErrorValueMissing",
        [FrameValueTooLong] = "FrameErrorValueTooLong",
        [FrameIdTwice] = "FrameErrorIdTwice",
        [FramePersonnummerNoSuchDate] = "FrameErrorPersonnummerNoSuchDate",
        [FramePersonnummerCheckDigit] = "FrameErrorPersonnummerCheckDigit",
        [FramePostalCodeInvalid] = "FrameErrorPostalCodeInvalid",
        [FrameBirthYearInvalid] = "FrameErrorBirthYearInvalid",
        [FrameBirthYearOutOfRange] = "FrameErrorBirthYearOutOfRange",
        [FrameBirthDateInvalid] = "FrameErrorBirthDateInvalid",
        [FrameBirthYearMismatch] = "FrameErrorBirthYearMismatch",
        [FrameSexInvalid] = "FrameErrorSexInvalid",
    };

    /// <summary>Longer values are cut here: a whole runaway line in one field would drown the table.</summary>
    const int MaxValueShown = 60;

    /// <summary>Our text for the error's code and the value it was about; Distribution's message (which quotes the value) for a code we do not word.</summary>
    public static string For(IStringLocalizer localizer, FrameLineError error)
    {
        if (!TextKeys.TryGetValue(error.Code, out var key)) return error.Message;
        var text = localizer[key].Value;
        if (string.IsNullOrEmpty(error.Value)) return text;
        var value = error.Value.Length > MaxValueShown ? error.Value[..MaxValueShown] + "…" : error.Value;
        return $"{text} {localizer["FrameErrorValue", value].Value}";
    }
}
