using System.Globalization;
using Medborgare.ApiContracts.Analysis;

namespace Medborgare.Web.Components.Pages.Analyst.Results;

/// <summary>Addresses, number formats and orderings shared by the results pages.</summary>
public static class ResultsFormat
{
    public const string ListUrl = "/analys/resultat";

    /// <summary>The exports Analysis offers, by file name; the web app forwards only these.</summary>
    public static readonly IReadOnlyList<string> ExportFiles = ["indicators.csv", "indicators.xlsx", "microdata.csv", "codebook.csv"];

    static readonly string[] OverallOrder = ["NRI", "NMI", "NII"];

    public static string SurveyUrl(Guid id, string? query = null, string? section = null) =>
        $"{ListUrl}/{id}{(query is null ? "" : "?" + query)}{(section is null ? "" : "#" + section)}";

    public static string ExportUrl(Guid id, string file) => $"{ListUrl}/{id}/export/{file}";

    /// <summary>An index value or a share on 0–100, with one decimal in the reader's culture; a dash when it cannot be estimated.</summary>
    public static string Value(double value) => double.IsFinite(value) ? value.ToString("0.0", CultureInfo.CurrentCulture) : "–";

    public static string Signed(double value) => double.IsFinite(value) ? value.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture) : "–";

    public static string Interval(double low, double high) => double.IsFinite(low) && double.IsFinite(high) ? $"{Value(low)}–{Value(high)}" : "–";

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>For SVG coordinates: invariant, short.</summary>
    public static string Svg(double value) => (double.IsFinite(value) ? value : 0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The overall index a key belongs to: "NMI.forskola" → "NMI".</summary>
    public static string OverallOf(string key) => key.Split('.')[0];

    static int OverallRank(string key) => Array.IndexOf(OverallOrder, OverallOf(key)) is var i and >= 0 ? i : OverallOrder.Length;

    /// <summary>NRI, NMI, NII, then each one's factors in the order Analysis gives them.</summary>
    public static IReadOnlyList<IndicatorDto> IndexOrder(IEnumerable<IndicatorDto> indicators)
    {
        var list = indicators.Where(i => i.Kind is IndicatorKind.Overall or IndicatorKind.Factor).ToList();
        return list.Where(i => i.Kind == IndicatorKind.Overall).OrderBy(i => OverallRank(i.Key)).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Concat(list.Where(i => i.Kind == IndicatorKind.Factor).Select((f, n) => (f, n)).OrderBy(x => OverallRank(x.f.Key)).ThenBy(x => x.n).Select(x => x.f))
            .ToList();
    }

    /// <summary>Quadrants in the order they are read: what to act on first.</summary>
    public static int QuadrantRank(Quadrant quadrant) => quadrant switch
    {
        Quadrant.Prioritera => 0,
        Quadrant.Bevara => 1,
        Quadrant.ForbattraOmMojligt => 2,
        Quadrant.LagrePrioritet => 3,
        _ => 4,
    };

    /// <summary>A dimension's name as a text key, or null for a choice question (named by its own text).</summary>
    public static string? DimensionTextKey(string dimension) => dimension switch
    {
        "age-group" => "ResultsDimensionAgeGroup",
        "sex" => "ResultsDimensionSex",
        "district" => "ResultsDimensionDistrict",
        _ => null,
    };
}
