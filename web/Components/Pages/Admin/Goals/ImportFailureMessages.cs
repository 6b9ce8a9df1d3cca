using System.Text.Json;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.Web.Services;
using Microsoft.Extensions.Localization;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.Web.Components.Pages.Admin.Goals;

/// <summary>
/// Our own text, in the page's language, for why a key-figure import failed: the document, where in it, and what is wrong,
/// from FollowUp's code. A code we do not word ourselves shows FollowUp's own sentence, which follows the page's language too.
/// </summary>
public static class ImportFailureMessages
{
    static readonly Dictionary<string, string> TextKeys = new(StringComparer.Ordinal)
    {
        [KoladaInvalidJson] = "FuKoladaInvalidJson",
        [KoladaDocumentNotAnObject] = "FuKoladaDocumentNotAnObject",
        [KoladaNotAnObject] = "FuKoladaNotAnObject",
        [KoladaNotAList] = "FuKoladaNotAList",
        [KoladaMissing] = "FuKoladaMissing",
        [KoladaBlank] = "FuKoladaBlank",
        [KoladaNotText] = "FuKoladaNotText",
        [KoladaTooLong] = "FuKoladaTooLong",
        [KoladaNotAnInteger] = "FuKoladaNotAnInteger",
        [KoladaNotACount] = "FuKoladaNotACount",
        [KoladaNotANumber] = "FuKoladaNotANumber",
        [KoladaValueNotANumber] = "FuKoladaValueNotANumber",
        [KoladaPeriodImplausible] = "FuKoladaPeriodImplausible",
        [KoladaGenderUnknown] = "FuKoladaGenderUnknown",
        [KoladaNotZeroOrOne] = "FuKoladaNotZeroOrOne",
        [KoladaNextPageNotALink] = "FuKoladaNextPageNotALink",
        [KoladaNextPageNotV2] = "FuKoladaNextPageNotV2",
        [KoladaNextPageLoop] = "FuKoladaNextPageLoop",
        [KoladaTooManyPages] = "FuKoladaTooManyPages",
        [KoladaFetchStatus] = "FuKoladaFetchStatus",
        [KoladaFetchFailed] = "FuKoladaFetchFailed",
        [KoladaFetchTimeout] = "FuKoladaFetchTimeout",
        [ImportAbandoned] = "FuImportAbandoned",
        [ImportFailedUnexpectedly] = "FuImportFailedUnexpectedly",
    };

    /// <summary>Our text for a failure, or null for none or a code we do not word (an import stored before codes among them).</summary>
    public static string? For(IStringLocalizer localizer, ImportFailure? failure)
    {
        if (failure is null || !TextKeys.TryGetValue(failure.Code, out var key)) return null;
        var what = localizer[key, failure.Value ?? "", failure.Line ?? 0, failure.Position ?? 0].Value;
        if (failure.Path is { } path) what = $"{path} {what}";
        return failure.Place is { } place ? localizer["FuImportFailureAt", Place(localizer, place), what].Value : what;
    }

    /// <summary>Our text for a refused file, from the <c>failure</c> FollowUp sends beside its ProblemDetails; null without one.</summary>
    public static string? For(IStringLocalizer localizer, ApiProblem problem) =>
        problem.Body is { } body && body.TryGetProperty("failure", out var failure)
            ? For(localizer, failure.Deserialize<ImportFailure>(ApiHttp.Json))
            : null;

    static string Place(IStringLocalizer localizer, KoladaPlace place) => place.Source switch
    {
        KoladaSource.File => localizer["FuImportFailurePlaceFile"],
        KoladaSource.KpiPage => localizer["FuImportFailurePlaceKpiPage", place.Page ?? 0, place.Url ?? ""],
        _ => localizer["FuImportFailurePlaceValuePage", place.Page ?? 0, place.Url ?? ""],
    };
}
