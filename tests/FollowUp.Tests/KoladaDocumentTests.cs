using Medborgare.FollowUp.KeyFigures;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.Tests;

public sealed class KoladaDocumentTests
{
    [Fact]
    public void A_recorded_page_is_read_with_missing_values_and_status_flags_as_they_are()
    {
        var page = KoladaDocument.ParseData(FakeKolada.Recorded("data-page2.json"), new KoladaPlace(KoladaSource.ValuePage, 2, "/v2/data"));

        Assert.NotNull(page.NextPage);
        Assert.Contains("page=3", page.NextPage);
        var malmo = page.Values.Where(v => v.Municipality == "1280").ToList();
        Assert.Equal(3, malmo.Count);
        Assert.All(malmo, v => Assert.Null(v.Value));
        var stockholm = Assert.Single(page.Values, v => v.Municipality == "0180");
        Assert.Equal(("T", "Preliminary", 86.4), (stockholm.Gender, stockholm.Status, stockholm.Value!.Value));
    }

    [Fact]
    public void The_last_page_has_no_next_page()
    {
        Assert.Null(KoladaDocument.ParseData(FakeKolada.Recorded("data-page3.json"), new KoladaPlace(KoladaSource.ValuePage, 3, "/v2/data")).NextPage);
    }

    [Theory]
    [InlineData("{\"values\": [", KoladaInvalidJson, null, "page 1 (/v2/data): invalid JSON (line 1, position ", "sida 1 (/v2/data): ogiltig JSON (rad 1, position ")]
    [InlineData("[]", KoladaDocumentNotAnObject, null, "the document must be a JSON object", "dokumentet ska vara ett JSON-objekt")]
    [InlineData("{\"count\": 0}", KoladaNotAList, "values", "values is missing or not a list", "values saknas eller är inte en lista")]
    [InlineData("{\"values\": [{\"municipality\": \"1480\", \"period\": 2023, \"values\": []}]}", KoladaMissing, "values[0].kpi", "values[0].kpi is missing", "values[0].kpi saknas")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": 1480, \"period\": 2023, \"values\": []}]}", KoladaNotText, "values[0].municipality", "must be text, not 1480", "ska vara text, inte 1480")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": \"år\", \"values\": []}]}", KoladaNotAnInteger, "values[0].period", "must be a whole number", "ska vara ett heltal")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"X\", \"value\": 1}]}]}", KoladaGenderUnknown, "values[0].values[0].gender", "unknown gender \"X\"", "okänt kön \"X\"")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"T\", \"value\": \"12,3\"}]}]}", KoladaValueNotANumber, "values[0].values[0].value", "must be a number or null", "ska vara ett tal eller null")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"T\", \"value\": 1, \"count\": 1.5}]}]}", KoladaNotACount, "values[0].values[0].count", "must be a whole number of 0 or more", "ska vara ett icke-negativt heltal")]
    public void A_document_off_the_shape_is_rejected_with_a_code_naming_where(string json, string code, string? path, string english, string swedish)
    {
        var page = new KoladaPlace(KoladaSource.ValuePage, 1, "/v2/data");

        var error = Assert.Throws<KoladaFormatException>(() => KoladaDocument.ParseData(json, page));

        Assert.Equal((code, page, path), (error.Failure.Code, error.Failure.Place, error.Failure.Path));
        var text = ImportFailureText.For(error.Failure);
        Assert.Contains(english, text.En);
        Assert.Contains(swedish, text.Sv);
        Assert.EndsWith("Nothing has been saved.", text.En);
        Assert.EndsWith("Inget har sparats.", text.Sv);
    }

    [Fact]
    public void KPI_metadata_is_read()
    {
        var kpis = KoladaDocument.ParseKpis(FakeKolada.Recorded("kpi.json"), new KoladaPlace(KoladaSource.KpiPage, 1, "/v2/kpi")).Values;

        var n15419 = Assert.Single(kpis, k => k.Id == "N15419");
        Assert.True(n15419.IsDividedByGender);
        Assert.Equal(("K", "Grundskola"), (n15419.MunicipalityType, n15419.OperatingArea));
        Assert.False(Assert.Single(kpis, k => k.Id == "N00923").IsDividedByGender);
    }
}
