using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Medborgare.Analysis.Tests;

/// <summary>The downloads: CSV for Swedish Excel, a real XLSX, microdata with final weights and nothing identifying, a codebook.</summary>
public sealed class ExportTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    static string[] Lines(byte[] csv)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        return Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Exports_have_the_rows_of_the_results_and_microdata_weights_sum_to_the_population()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        var margins = TestSurvey.Margins(survey.SurveyId, seed: 9);
        await service.StartSurveyAsync(survey, margins);
        await service.SendResponsesAsync(survey.SurveyId, TestSurvey.Responses(survey.SurveyId, 96, seed: 2));
        var results = await service.ResultsAsync(survey.SurveyId);
        var groups = results.Breakdowns.Sum(b => b.Groups.Count);
        var baseUrl = $"/api/surveys/{survey.SurveyId}/exports";

        var csvResponse = await service.Analyst.GetAsync($"{baseUrl}/indicators.csv");
        Assert.Equal("medborgarundersokning-2026-indikatorer.csv", csvResponse.Content.Headers.ContentDisposition?.FileName);
        var csv = Lines(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal("rad;indikator;namn;dimension;grupp;värde;medelfel;ki_låg;ki_hög;n;etikett;not", csv[0]);
        Assert.Equal(1 + results.Indicators.Count + groups, csv.Length);
        var nmi = csv.Single(l => l.StartsWith("indikator;NMI;")).Split(';');
        Assert.Equal(results.Indicators.Single(i => i.Key == "NMI").Value, double.Parse(nmi[5], new CultureInfo("sv-SE") { NumberFormat = { NegativeSign = "-" } }), 12);
        Assert.Contains(csv, l => l.StartsWith("uppdelning;") && l.Contains(";..;..;..;..;") && l.Contains("röjandeskydd"));   // 6 per age group and sex

        var xlsxResponse = await service.Analyst.GetAsync($"{baseUrl}/indicators.xlsx");
        Assert.Equal("medborgarundersokning-2026-indikatorer.xlsx", xlsxResponse.Content.Headers.ContentDisposition?.FileName);
        using (var zip = new ZipArchive(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync())))
        {
            var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
            Assert.Equal(["Indikatorer", "Uppdelningar"], workbook.Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!));
            var sheet1 = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            Assert.Equal(1 + results.Indicators.Count, sheet1.Descendants(Main + "row").Count());
            var sheet2 = XDocument.Load(zip.GetEntry("xl/worksheets/sheet2.xml")!.Open());
            Assert.Equal(1 + groups, sheet2.Descendants(Main + "row").Count());
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        }

        var microResponse = await service.Analyst.GetAsync($"{baseUrl}/microdata.csv");
        Assert.Equal("medborgarundersokning-2026-mikrodata.csv", microResponse.Content.Headers.ContentDisposition?.FileName);
        var micro = Lines(await microResponse.Content.ReadAsByteArrayAsync());
        var header = micro[0].Split(';');
        Assert.Equal(["distrikt", "kon", "aldersgrupp", "vikt", "q1", "q2", "q3", "f1a", "f1b", "f2a", "f2b", "boende", "kanaler.webb", "kanaler.tidning", "alder"], header);
        Assert.DoesNotContain(header, h => h is "id" or "fritext" || h.Contains("response") || h.Contains("datum") || h.Contains("submitted") || h.Contains("channel"));
        Assert.Equal(1 + 96, micro.Length);
        var weights = micro.Skip(1).Sum(l => double.Parse(l.Split(';')[3].Replace(',', '.'), CultureInfo.InvariantCulture));
        var population = margins.Cells.Sum(c => (double)c.Count);
        Assert.True(Math.Abs(weights - population) < 1e-6 * population, $"weights sum to {weights}, population is {population}");

        var codebook = Lines(await service.Analyst.GetByteArrayAsync($"{baseUrl}/codebook.csv"));
        Assert.Equal("variabel;fråga_sv;question_en;typ;värden;saknade_värden", codebook[0]);
        Assert.Equal(header.Length, codebook.Length - 1);
        Assert.Contains(codebook, l => l.StartsWith("q1;Fråga q1;Question q1;skala;") && l.Contains("-9=vet ej"));
    }
}
