namespace Medborgare.Statistics;

/// <summary>
/// A calibration cell: district × sex × age group, with the same strings as <c>Medborgare.Contracts.Stratum</c>
/// ("K"/"M", "16-24" … "85+"). Districts are the sampling strata.
/// </summary>
public readonly record struct Cell(string District, string Sex, string AgeGroup)
{
    public override string ToString() => $"{District}/{Sex}/{AgeGroup}";
}

/// <summary>The fixed sex and age-group codes, and the 16 sex × age-group combinations in a fixed order.</summary>
public static class Demography
{
    /// <summary>Kvinna, man: as the population register codes them.</summary>
    public static readonly IReadOnlyList<string> Sexes = ["K", "M"];

    /// <summary>Åldersgrupper: 16-24 is nine years, 85+ is open.</summary>
    public static readonly IReadOnlyList<string> AgeGroups = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"];

    public const int SexAgeCount = 16;

    /// <summary>0..15: sex-major (all of K's age groups, then M's), or -1 for an unknown code.</summary>
    public static int SexAgeIndex(string sex, string ageGroup)
    {
        var s = SexIndex(sex);
        var a = AgeIndex(ageGroup);
        return s < 0 || a < 0 ? -1 : s * AgeGroups.Count + a;
    }

    public static int SexIndex(string sex) => sex switch { "K" => 0, "M" => 1, _ => -1 };

    public static int AgeIndex(string ageGroup)
    {
        for (var i = 0; i < AgeGroups.Count; i++)
            if (AgeGroups[i] == ageGroup) return i;
        return -1;
    }
}
