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

    public static string For(IStringLocalizer localizer, FrameLineError error) =>
        TextKeys.TryGetValue(error.Code, out var key) ? localizer[key].Value : error.Message;
}
