using System.Globalization;
using System.Text.Json;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.Web.Components.Pages.Admin.Goals;
using Medborgare.Web.Resources;
using Medborgare.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.Web.Tests;

/// <summary>The web app words FollowUp's import failure codes itself, in Swedish and English.</summary>
public sealed class ImportFailureMessagesTests
{
    static readonly IStringLocalizer T = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<Texts>>();

    static string? In(string culture, Func<string?> word)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return word(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void A_bad_value_on_a_fetched_page_is_worded_with_the_page_path_and_value_in_both_languages()
    {
        var failure = new ImportFailure(KoladaGenderUnknown, new KoladaPlace(KoladaSource.ValuePage, 2, "/v2/data?page=2"), "values[1].values[0].gender", "X");

        Assert.Equal("sida 2 (/v2/data?page=2): values[1].values[0].gender okänt kön \"X\" (ska vara T, K eller M)", In("sv", () => ImportFailureMessages.For(T, failure)));
        Assert.Equal("page 2 (/v2/data?page=2): values[1].values[0].gender unknown gender \"X\" (must be T, K or M)", In("en", () => ImportFailureMessages.For(T, failure)));
    }

    [Fact]
    public void A_refused_file_is_worded_from_the_failure_beside_the_problem()
    {
        var body = JsonDocument.Parse("""{"type":"urn:medborgare:kolada-format","detail":"filen: …","failure":{"code":"kolada-invalid-json","place":{"source":"File"},"line":2,"position":17}}""").RootElement;
        var problem = new ApiProblem(400, "urn:medborgare:kolada-format", null, "filen: …", new Dictionary<string, string[]>(), new Dictionary<string, string[]>()) { Body = body };

        Assert.Equal("filen: ogiltig JSON (rad 2, position 17)", In("sv", () => ImportFailureMessages.For(T, problem)));
        Assert.Equal("the file: invalid JSON (line 2, position 17)", In("en", () => ImportFailureMessages.For(T, problem)));
    }

    [Fact]
    public void A_code_the_web_does_not_word_falls_back_to_the_service()
    {
        Assert.Null(ImportFailureMessages.For(T, new ImportFailure(ImportFailed, Value: "Gammalt fel")));
        Assert.Null(ImportFailureMessages.For(T, (ImportFailure?)null));
    }
}
