using Medborgare.Contracts;
using Medborgare.Web.Services;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;
using Medborgare.Web.Services.Resident;
using Microsoft.Extensions.Localization;

namespace Medborgare.Web.Components.Pages.Resident;

/// <summary>
/// Our own text, in the chosen language, for the codes Collection sends with a refusal. A code we do not word ourselves shows
/// Collection's own message, which follows the page's language too.
/// </summary>
public static class ServiceMessages
{
    static readonly Dictionary<string, string> TextKeys = new(StringComparer.Ordinal)
    {
        [Required] = "ResidentErrorRequired",
        [TextMarkup] = "ResidentErrorMarkup",
        [TextControlCharacters] = "ResidentErrorControlCharacters",
        [TextTooLong] = "ResidentErrorTooLong",
        [NumberOutOfRange] = "ResidentErrorNumberRange",
        [NumberExpected] = "ResidentErrorNotANumber",
        [OutsideScale] = "ResidentErrorNotOnScale",
        [ScaleValueRequired] = "ResidentErrorNotOnScale",
        [ScaleValueExpected] = "ResidentErrorNotOnScale",
        [UnknownChoice] = "ResidentErrorNotAChoice",
        [OneChoiceExpected] = "ResidentErrorNotAChoice",
        [ChoicesExpected] = "ResidentErrorNotAChoice",
        [ChoiceTwice] = "ResidentErrorNotAChoice",
        [CategoryRequired] = "ResidentFeedbackCategoryRequired",
        [GoalAreaUnknown] = "ResidentFeedbackGoalAreaUnknown",
        [DistrictTooLong] = "ResidentFeedbackDistrictTooLong",
        [FeedbackTextRequired] = "ResidentFeedbackTextRequired",
        [ContactTooLong] = "ResidentFeedbackContactTooLong",
        [EmailInvalid] = "ResidentFeedbackEmailInvalid",
        [ConsentRequired] = "ResidentFeedbackConsentRequired",
    };

    /// <summary>The resident's text for a code, or null for a code we do not word.</summary>
    public static string? ForCode(IStringLocalizer localizer, string code) => TextKeys.TryGetValue(code, out var key) ? localizer[key].Value : null;

    /// <summary>The text for a field's error: ours for its code, else the service's message; null when the field has neither.</summary>
    public static string? ForField(IStringLocalizer localizer, ApiProblem problem, string field) =>
        problem.CodeFor(field) is { } code && ForCode(localizer, code) is { } ours ? ours : problem.ErrorFor(field);

    /// <summary>Why a typed code cannot be a code at all, caught by its check character before any lookup.</summary>
    public static string CodeCheck(IStringLocalizer localizer, InvitationCodeCheck check, string? typed) => check switch
    {
        InvitationCodeCheck.Empty => localizer["ResidentCodeEmpty"],
        InvitationCodeCheck.InvalidCharacter => localizer["ResidentCodeInvalidCharacter"],
        InvitationCodeCheck.WrongLength => localizer["ResidentCodeWrongLength", InvitationCode.Length, SymbolCount(typed)],
        _ => localizer["ResidentCodeTypo"],
    };

    /// <summary>Why Collection refused a well-formed code.</summary>
    public static string CodeRefused(IStringLocalizer localizer, CodeRefusal refusal) => refusal switch
    {
        CodeRefusal.Typo => localizer["ResidentCodeTypo"],
        CodeRefusal.Used => localizer["ResidentCodeUsed"],
        CodeRefusal.SurveyClosed => localizer["ResidentSurveyClosed"],
        CodeRefusal.Expired => localizer["ResidentCodeExpired"],
        CodeRefusal.Throttled => localizer["ResidentCodeThrottled"],
        _ => localizer["ResidentCodeUnknown"],
    };

    /// <summary>The symbols typed, leaving out spaces and every kind of dash.</summary>
    static int SymbolCount(string? typed) =>
        typed?.Count(c => !char.IsWhiteSpace(c) && c is not ('-' or (>= '\u2010' and <= '\u2015') or '\u2212')) ?? 0;
}
