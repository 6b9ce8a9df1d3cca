using Medborgare.FollowUp.KeyFigures;

namespace Medborgare.FollowUp.Tests;

public sealed class KoladaDocumentTests
{
    [Fact]
    public void A_recorded_page_is_read_with_missing_values_and_status_flags_as_they_are()
    {
        var page = KoladaDocument.ParseData(FakeKolada.Recorded("data-page2.json"), "sida 2");

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
        Assert.Null(KoladaDocument.ParseData(FakeKolada.Recorded("data-page3.json"), "sida 3").NextPage);
    }

    [Theory]
    [InlineData("{\"values\": [", "sida 1: ogiltig JSON")]
    [InlineData("[]", "sida 1: dokumentet ska vara ett JSON-objekt")]
    [InlineData("{\"count\": 0}", "sida 1: values saknas")]
    [InlineData("{\"values\": [{\"municipality\": \"1480\", \"period\": 2023, \"values\": []}]}", "sida 1: values[0].kpi saknas")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": 1480, \"period\": 2023, \"values\": []}]}", "sida 1: values[0].municipality ska vara text")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": \"år\", \"values\": []}]}", "sida 1: values[0].period ska vara ett heltal")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"X\", \"value\": 1}]}]}", "sida 1: values[0].values[0].gender okänt kön \"X\"")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"T\", \"value\": \"12,3\"}]}]}", "sida 1: values[0].values[0].value ska vara ett tal eller null")]
    [InlineData("{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1480\", \"period\": 2023, \"values\": [{\"gender\": \"T\", \"value\": 1, \"count\": 1.5}]}]}", "sida 1: values[0].values[0].count ska vara ett icke-negativt heltal")]
    public void A_document_off_the_shape_is_rejected_naming_where(string json, string expectedStart)
    {
        var error = Assert.Throws<KoladaFormatException>(() => KoladaDocument.ParseData(json, "sida 1"));
        Assert.StartsWith(expectedStart, error.Message);
    }

    [Fact]
    public void KPI_metadata_is_read()
    {
        var kpis = KoladaDocument.ParseKpis(FakeKolada.Recorded("kpi.json"), "KPI-sida 1").Values;

        var n15419 = Assert.Single(kpis, k => k.Id == "N15419");
        Assert.True(n15419.IsDividedByGender);
        Assert.Equal(("K", "Grundskola"), (n15419.MunicipalityType, n15419.OperatingArea));
        Assert.False(Assert.Single(kpis, k => k.Id == "N00923").IsDividedByGender);
    }
}
