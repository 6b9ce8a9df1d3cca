using System.Text.Json.Nodes;

namespace Medborgare.DemoSeeder;

/// <summary>
/// Five years of key figures for Älvsala, the whole country (0000) and two peers, written as Kolada's own JSON
/// documents (KPI metadata and <c>values[]</c> with kpi, municipality, period and values per gender). Generated
/// from a trend and a little noise per KPI, with a few values missing and the latest year marked preliminary.
/// The KPI ids look like Kolada's, but the titles and numbers are the demo's own.
/// </summary>
public static class KeyFigurePlan
{
    /// <param name="Base">Älvsala's value in the first year; <paramref name="Slope"/> is added each year.</param>
    /// <param name="Country">The whole country's value in the first year; it moves by <paramref name="CountrySlope"/>.</param>
    public sealed record Kpi(string Id, string Title, string Unit, bool LowerIsBetter, bool DividedByGender, string OperatingArea,
        double Base, double Slope, double Country, double CountrySlope, double Noise, bool ElectionYearsOnly = false);

    public static readonly IReadOnlyList<Kpi> Kpis =
    [
        new("N07916", "Anmälda våldsbrott, antal/100 000 inv", "antal/100 000 inv", true, false, "Trygghet", 860, -15, 1010, 5, 25),
        new("N07925", "Gång- och cykelvägar med god standard, andel (%)", "%", false, false, "Infrastruktur", 42, 1.2, 48, 0.5, 1.0),
        new("N00401", "Utsläpp till luft av växthusgaser, ton CO2-ekv/inv", "ton/inv", true, false, "Miljö", 3.9, -0.12, 4.2, -0.1, 0.06),
        new("N07403", "Insamlat hushållsavfall totalt, kg/invånare", "kg/inv", true, false, "Avfall", 452, -6, 432, -4, 6),
        new("N85070", "Energianvändning i kommunens lokaler, kWh/m²", "kWh/m²", true, false, "Fastigheter", 148, -3.5, 155, -2, 2),
        new("N15419", "Elever i åk 9 som är behöriga till yrkesprogram, andel (%)", "%", false, true, "Grundskola", 80.5, 1.2, 85, 0.2, 1.0),
        new("N15436", "Elever i åk 9 som uppnått kunskapskraven i alla ämnen, andel (%)", "%", false, true, "Grundskola", 71, 1.5, 74, 0.1, 1.2),
        new("N11805", "Inskrivna barn per årsarbetare i förskolan, antal", "antal", true, false, "Förskola", 5.3, -0.03, 5.1, 0, 0.05),
        new("N17461", "Gymnasieelever med examen inom 4 år, andel (%)", "%", false, true, "Gymnasieskola", 66, 0.8, 72, 0.2, 1.0),
        new("N00923", "Väntetid till särskilt boende från ansökan till erbjudet datum, dagar", "dagar", true, false, "Äldreomsorg", 52, 9, 70, 1, 3),
        new("U23471", "Brukarbedömning särskilt boende, nöjd med boendet som helhet, andel (%)", "%", false, false, "Äldreomsorg", 85, -2.2, 82, 0, 0.8),
        new("U21468", "Personalkontinuitet i hemtjänsten, antal personal under 14 dagar", "antal", true, false, "Äldreomsorg", 13.8, 0.8, 16, -0.1, 0.3),
        new("N31807", "Vuxna med missbruk som inte återaktualiserats ett år efter insats, andel (%)", "%", false, false, "Individ- och familjeomsorg", 79, -0.4, 80, 0, 1.0),
        new("U00406", "Valdeltagande i senaste kommunalvalet, andel (%)", "%", false, false, "Demokrati", 82.4, 0.3, 84.1, 0.2, 0.2, ElectionYearsOnly: true),
        new("U00442", "Andel som får svar på e-post inom en arbetsdag, andel (%)", "%", false, false, "Kommunens service", 66, 2.5, 74, 0.5, 2),
        new("N09890", "Besök i folkbibliotek, antal/inv", "besök/inv", false, false, "Kultur", 4.45, 0.06, 4.3, -0.02, 0.05),
    ];

    /// <summary>The KPI metadata document (Kolada's <c>/v2/kpi</c>).</summary>
    public static string KpiDocument(int lastYear)
    {
        var values = new JsonArray();
        foreach (var k in Kpis)
        {
            values.Add(new JsonObject
            {
                ["auspices"] = "E", ["description"] = $"{k.Title}. Demodata för Älvsala kommun, genererade i Koladas format.",
                ["has_ou_data"] = false, ["id"] = k.Id, ["is_divided_by_gender"] = k.DividedByGender ? 1 : 0, ["municipality_type"] = "K",
                ["operating_area"] = k.OperatingArea, ["ou_publication_date"] = null, ["perspective"] = "Resultat",
                ["prel_publication_date"] = null, ["publ_period"] = lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["publication_date"] = $"{lastYear}-10-01", ["title"] = k.Title,
            });
        }
        return new JsonObject { ["count"] = values.Count, ["values"] = values }.ToJsonString();
    }

    /// <summary>The values document (Kolada's <c>/v2/data</c>) for <paramref name="years"/>, reproducible from the seed.</summary>
    public static string ValuesDocument(IReadOnlyList<int> years, string municipality, IReadOnlyList<string> peers, int seed)
    {
        var random = new Random(seed);
        var values = new JsonArray();
        var municipalities = new[] { municipality, DemoMunicipality.Country }.Concat(peers).ToList();
        foreach (var k in Kpis)
        {
            for (var t = 0; t < years.Count; t++)
            {
                var year = years[t];
                var latest = t == years.Count - 1;
                foreach (var m in municipalities)
                {
                    var value = m switch
                    {
                        _ when m == municipality => k.Base + k.Slope * t + k.Noise * Respondent.Gaussian(random),
                        DemoMunicipality.Country => k.Country + k.CountrySlope * t + k.Noise * 0.2 * Respondent.Gaussian(random),
                        _ => (k.Country + k.CountrySlope * t) * PeerFactor(m, peers) + k.Noise * Respondent.Gaussian(random),
                    };
                    var missing = (k.ElectionYearsOnly && year % 4 != 2)
                        || (m == peers.LastOrDefault() && k.Id == "N07925")           // the peer does not report this KPI
                        || (m == peers.FirstOrDefault() && k.Id == "N31807" && t == 1) // a gap in one year
                        || (m == municipality && k.Id == "N17461" && t == 0);          // Älvsala's first year is missing
                    var status = latest && m != DemoMunicipality.Country && k.Id is "N00923" or "U23471" or "U21468" or "N07403" ? "Preliminary" : "";
                    values.Add(Row(k, m, year, missing ? null : value, status, m == DemoMunicipality.Country ? 290 : 1, random));
                }
            }
        }
        return new JsonObject { ["count"] = values.Count, ["values"] = values }.ToJsonString();
    }

    static double PeerFactor(string peer, IReadOnlyList<string> peers) => peers.ToList().IndexOf(peer) switch { 0 => 1.04, 1 => 0.95, _ => 1.0 };

    static JsonObject Row(Kpi k, string municipality, int year, double? total, string status, int count, Random random)
    {
        var genders = new JsonArray();
        double? Round(double? v) => v is { } x ? Math.Round(x, Math.Abs(x) < 20 ? 2 : 1) : null;
        if (k.DividedByGender)
        {
            var gap = 2.5 + random.NextDouble() * 2; // girls reach the goals more often, as they do
            genders.Add(Value("K", Round(total + gap), status, total is null ? 0 : count));
            genders.Add(Value("M", Round(total - gap), status, total is null ? 0 : count));
        }
        genders.Add(Value("T", Round(total), status, total is null ? 0 : count));
        return new JsonObject { ["kpi"] = k.Id, ["municipality"] = municipality, ["period"] = year, ["values"] = genders };
    }

    static JsonObject Value(string gender, double? value, string status, int count) =>
        new() { ["count"] = count, ["gender"] = gender, ["status"] = status, ["value"] = value is { } v ? JsonValue.Create(v) : null };

}
