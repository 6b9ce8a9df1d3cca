namespace Medborgare.DemoSeeder;

/// <summary>
/// The numbers behind the demo's answers (docs/demo.md explains them). Latent satisfaction is on the 1–10 answer
/// scale. <see cref="Factor.Weight"/> is how much the factor drives its overall index (NRI, NMI, NII), so factors
/// with a low base and a high weight land in "Prioritera!", a high base and a high weight in "Bevara", and so on.
/// </summary>
public static class AnswerModelParameters
{
    /// <param name="Base">Mean latent satisfaction in the first year.</param>
    /// <param name="Weight">Relative weight in the overall index.</param>
    /// <param name="TrendPerYear">Change of the latent mean per year.</param>
    /// <param name="DontKnow">Chance of "Vet ej" on an item.</param>
    public sealed record Factor(double Base, double Weight, double TrendPerYear = 0, double DontKnow = 0.04);

    public static readonly IReadOnlyDictionary<string, Factor> Factors = new Dictionary<string, Factor>
    {
        // NRI: the place to live. Housing and safety matter most and score low: the residents' top priorities.
        ["NRI.bostader"] = new(5.4, 2.6),
        ["NRI.trygghet"] = new(5.9, 3.0, TrendPerYear: 0.15),
        ["NRI.fritid"] = new(7.7, 2.2),
        ["NRI.kommunikationer"] = new(5.1, 0.6, DontKnow: 0.06),
        ["NRI.arbete"] = new(5.6, 0.7, DontKnow: 0.10),
        ["NRI.utbildning"] = new(6.6, 0.6, TrendPerYear: 0.2, DontKnow: 0.12),
        ["NRI.kommersiellt"] = new(7.3, 0.5),
        // NMI: the services. Schools improve a little each year; elderly care declines markedly.
        ["NMI.forskola"] = new(7.0, 1.4, TrendPerYear: 0.30, DontKnow: 0.05),
        ["NMI.grundskola"] = new(6.1, 2.0, TrendPerYear: 0.35, DontKnow: 0.05),
        ["NMI.gymnasieskola"] = new(6.5, 1.0, TrendPerYear: 0.20, DontKnow: 0.08),
        ["NMI.aldreomsorg"] = new(6.8, 2.2, TrendPerYear: -0.95, DontKnow: 0.08),
        ["NMI.stod-utsatta"] = new(5.3, 1.4, TrendPerYear: -0.30, DontKnow: 0.30),
        ["NMI.raddningstjanst"] = new(7.9, 0.5, DontKnow: 0.25),
        ["NMI.bibliotek"] = new(8.0, 0.5, DontKnow: 0.12),
        ["NMI.kultur"] = new(6.9, 0.8, DontKnow: 0.15),
        ["NMI.idrott"] = new(6.8, 0.8, DontKnow: 0.12),
        ["NMI.miljoarbete"] = new(5.8, 1.2, DontKnow: 0.15),
        ["NMI.renhallning"] = new(7.0, 1.0),
        ["NMI.vatten-avlopp"] = new(8.2, 0.8, DontKnow: 0.05),
        ["NMI.gator-vagar"] = new(5.2, 1.6),
        ["NMI.gang-cykel"] = new(5.6, 1.0, TrendPerYear: 0.35),
        ["NMI.bemotande"] = new(6.6, 3.0, DontKnow: 0.10),
        // NII: influence. Low, as it is in most municipalities; information gets a little better.
        ["NII.kontakt"] = new(4.9, 1.0, DontKnow: 0.15),
        ["NII.information"] = new(5.6, 1.4, TrendPerYear: 0.25, DontKnow: 0.08),
        ["NII.paverkan"] = new(4.2, 2.6, DontKnow: 0.15),
        ["NII.fortroende"] = new(5.0, 3.0, DontKnow: 0.12),
    };

    /// <summary>Latent shifts by district: "*" for every factor, otherwise by factor key.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> DistrictEffects =
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["Centrum"] = new Dictionary<string, double> { ["NRI.kommunikationer"] = 1.0, ["NRI.kommersiellt"] = 0.9, ["NRI.trygghet"] = -0.5, ["NRI.bostader"] = -0.4 },
            ["Norra"] = new Dictionary<string, double> { ["*"] = 0.2 },
            ["Södra"] = new Dictionary<string, double>(),
            ["Östra"] = new Dictionary<string, double> { ["NMI.idrott"] = 0.6, ["NRI.trygghet"] = -0.3 },
            ["Västra"] = new Dictionary<string, double> { ["*"] = 0.1 },
            ["Hamnen"] = new Dictionary<string, double> { ["*"] = -0.3, ["NRI.trygghet"] = -1.0, ["NRI.bostader"] = -0.6 },
            ["Landsbygden"] = new Dictionary<string, double>
            {
                ["NRI.kommunikationer"] = -1.6, ["NRI.kommersiellt"] = -1.4, ["NRI.trygghet"] = 0.8, ["NMI.gang-cykel"] = -0.8, ["NMI.gator-vagar"] = -0.6,
            },
            ["Kyrkbyn"] = new Dictionary<string, double> { ["*"] = 0.2, ["NRI.kommunikationer"] = -1.2, ["NRI.kommersiellt"] = -1.0, ["NRI.trygghet"] = 0.7 },
        };

    /// <summary>Latent shifts by cohort, as for districts; "NII*" applies to every NII factor.</summary>
    public static readonly IReadOnlyDictionary<Cohort, IReadOnlyDictionary<string, double>> CohortEffects =
        new Dictionary<Cohort, IReadOnlyDictionary<string, double>>
        {
            [Cohort.Older] = new Dictionary<string, double> { ["*"] = 0.3, ["NRI.bostader"] = 0.6, ["NRI.trygghet"] = -0.5, ["NII*"] = -0.3 },
            [Cohort.Younger] = new Dictionary<string, double> { ["*"] = -0.2, ["NRI.bostader"] = -0.8, ["NRI.arbete"] = 0.3, ["NRI.fritid"] = 0.2, ["NII*"] = -0.2 },
        };

    /// <summary>Chance to answer at all (before reminders count in): older people answer more, as they do.</summary>
    public static double ResponsePropensity(Respondent r) => Math.Clamp(0.51
        + (r.Cohort == Cohort.Older ? 0.12 : -0.10)
        + r.District switch { "Hamnen" => -0.07, "Centrum" => -0.03, "Landsbygden" or "Kyrkbyn" => 0.04, _ => 0 }, 0.05, 0.95);

    /// <summary>How strongly the general mood (one per respondent) and the factor's own noise move a latent value.</summary>
    public const double MoodLoading = 0.75, FactorNoise = 0.8, ItemNoise = 0.85, OverallNoise = 0.45;
    public const double SkipItem = 0.03, FreeTextShare = 0.14;
}
