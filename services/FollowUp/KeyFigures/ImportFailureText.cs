using Medborgare.ServiceDefaults;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>
/// FollowUp's own sentence for a failed import, in Swedish and English, from its code: the document, where in it, what is
/// wrong, and that nothing was stored. A failure is stored as its code and parts, so that it is worded when it is read.
/// </summary>
public static class ImportFailureText
{
    public static ServiceText For(ImportFailure failure)
    {
        var (sv, en) = What(failure);
        if (failure.Code is ImportAbandoned or ImportFailedUnexpectedly or ImportFailed) return new(sv, en);
        var (whereSv, whereEn) = Where(failure.Place);
        var path = failure.Path is { } p ? p + " " : "";
        return new($"{whereSv}{path}{sv}. Inget har sparats.", $"{whereEn}{path}{en}. Nothing has been saved.");
    }

    static (string Sv, string En) Where(KoladaPlace? place) => place switch
    {
        null => ("", ""),
        { Source: KoladaSource.File } => ("filen: ", "the file: "),
        { Source: KoladaSource.KpiPage } => ($"KPI-sida {place.Page} ({place.Url}): ", $"KPI page {place.Page} ({place.Url}): "),
        _ => ($"sida {place.Page} ({place.Url}): ", $"page {place.Page} ({place.Url}): "),
    };

    static (string Sv, string En) What(ImportFailure f) => f.Code switch
    {
        ImportAbandoned => ("Importen avbröts när tjänsten startades om. Inget har sparats; starta importen igen.",
            "The import was cut off when the service restarted. Nothing has been saved; start the import again."),
        ImportFailedUnexpectedly => ("Importen misslyckades av ett oväntat fel. Inget har sparats.", "The import failed with an unexpected error. Nothing has been saved."),
        ImportFailed => (f.Value ?? "Importen misslyckades.", f.Value ?? "The import failed."),
        KoladaInvalidJson => ($"ogiltig JSON (rad {f.Line}, position {f.Position})", $"invalid JSON (line {f.Line}, position {f.Position})"),
        KoladaDocumentNotAnObject => ("dokumentet ska vara ett JSON-objekt med \"values\"", "the document must be a JSON object with \"values\""),
        KoladaNotAnObject => ("ska vara ett objekt", "must be an object"),
        KoladaNotAList => ("saknas eller är inte en lista", "is missing or not a list"),
        KoladaMissing => ("saknas", "is missing"),
        KoladaBlank => ("är tom", "is empty"),
        KoladaNotText => f.Value is { } v ? ($"ska vara text, inte {v}", $"must be text, not {v}") : ("ska vara text", "must be text"),
        KoladaTooLong => ($"är längre än {f.Value} tecken", $"is longer than {f.Value} characters"),
        KoladaNotAnInteger => ($"ska vara ett heltal, inte {f.Value}", $"must be a whole number, not {f.Value}"),
        KoladaNotACount => ("ska vara ett icke-negativt heltal", "must be a whole number of 0 or more"),
        KoladaNotANumber => ("ska vara ett tal", "must be a number"),
        KoladaValueNotANumber => ($"ska vara ett tal eller null, inte {f.Value}", $"must be a number or null, not {f.Value}"),
        KoladaPeriodImplausible => ($"är en orimlig period ({f.Value})", $"is an implausible period ({f.Value})"),
        KoladaGenderUnknown => ($"okänt kön \"{f.Value}\" (ska vara T, K eller M)", $"unknown gender \"{f.Value}\" (must be T, K or M)"),
        KoladaNotZeroOrOne => ("ska vara 0 eller 1", "must be 0 or 1"),
        KoladaNextPageNotALink => ("är ingen länk", "is not a link"),
        KoladaNextPageNotV2 => ($"pekar inte på Koladas v2-API ({f.Value})", $"does not point to Kolada's v2 API ({f.Value})"),
        KoladaNextPageLoop => ("next_page pekar tillbaka på en sida som redan hämtats", "next_page points back to a page already fetched"),
        KoladaTooManyPages => ($"fler än {f.Value} sidor; importen avbröts", $"more than {f.Value} pages; the import was stopped"),
        KoladaFetchStatus => ($"hämtningen misslyckades med HTTP {f.Value}", $"the fetch failed with HTTP {f.Value}"),
        KoladaFetchFailed => ($"hämtningen misslyckades ({f.Value})", $"the fetch failed ({f.Value})"),
        KoladaFetchTimeout => ("hämtningen tog för lång tid", "the fetch took too long"),
        _ => ($"importen misslyckades ({f.Code})", $"the import failed ({f.Code})"),
    };
}
