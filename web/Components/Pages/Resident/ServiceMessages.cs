using Medborgare.Contracts;
using Medborgare.Web.Services.Resident;
using Microsoft.Extensions.Localization;

namespace Medborgare.Web.Components.Pages.Resident;

/// <summary>
/// Collection's validation messages are Swedish; the ones a resident can meet get a text of ours in the chosen language.
/// Anything else is shown as Collection wrote it.
/// </summary>
public static class ServiceMessages
{
    static readonly (string Prefix, string Key)[] Known =
    [
        ("Frågan måste besvaras", "ResidentErrorRequired"),
        ("Texten får inte innehålla HTML-kod", "ResidentErrorMarkup"),
        ("Texten innehåller otillåtna tecken", "ResidentErrorControlCharacters"),
        ("Texten får vara högst", "ResidentErrorTooLong"),
        ("Talet är orimligt stort", "ResidentErrorNumberRange"),
        ("Välj ett värde från", "ResidentErrorNotOnScale"),
        ("Välj ett värde på skalan", "ResidentErrorNotOnScale"),
        ("Svarsalternativet finns inte", "ResidentErrorNotAChoice"),
        ("Välj vad synpunkten gäller", "ResidentFeedbackCategoryRequired"),
        ("Okänt målområde", "ResidentFeedbackGoalAreaUnknown"),
        ("Området får vara högst", "ResidentFeedbackDistrictTooLong"),
        ("Skriv din synpunkt", "ResidentFeedbackTextRequired"),
        ("Kontaktuppgifterna är för långa", "ResidentFeedbackContactTooLong"),
        ("Ange en giltig e-postadress", "ResidentFeedbackEmailInvalid"),
        ("Kryssa i att vi får spara", "ResidentFeedbackConsentRequired"),
    ];

    public static string Translate(IStringLocalizer localizer, string message)
    {
        foreach (var (prefix, key) in Known)
        {
            if (message.StartsWith(prefix, StringComparison.Ordinal)) return localizer[key];
        }
        return message;
    }

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
