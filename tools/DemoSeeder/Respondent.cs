using Medborgare.Distribution.Frames;

namespace Medborgare.DemoSeeder;

/// <summary>Born before 1965 or after, as far as a first name tells; the frame's names follow the same cohorts.</summary>
public enum Cohort { Older, Younger }

/// <summary>One letter of the print file: the person the answer model speaks for, and their code.</summary>
public sealed record Letter(int Index, string FirstName, string PostalCode, string Code);

/// <summary>
/// What the answer model knows of a sampled person: the district (from the postcode on the letter) and the
/// cohort (from the first name). It never sees the personnummer or the stratum Distribution recorded.
/// </summary>
public sealed record Respondent(Letter Letter, string District, Cohort Cohort, double Mood)
{
    static readonly Dictionary<string, string> DistrictByPostcode = SyntheticFrameData.Districts
        .SelectMany(d => d.Streets.Select(s => (s.PostalCode, d.Name))).DistinctBy(p => p.PostalCode)
        .ToDictionary(p => p.PostalCode, p => p.Name);
    static readonly HashSet<string> Older = [.. SyntheticFrameData.OlderWomen, .. SyntheticFrameData.OlderMen];
    static readonly HashSet<string> Younger = [.. SyntheticFrameData.YoungerWomen, .. SyntheticFrameData.YoungerMen];

    public static Respondent From(Letter letter, Random random)
    {
        var district = DistrictByPostcode.GetValueOrDefault(letter.PostalCode, "Centrum");
        var cohort = (Older.Contains(letter.FirstName), Younger.Contains(letter.FirstName)) switch
        {
            (true, false) => Cohort.Older,
            (false, true) => Cohort.Younger,
            _ => random.NextDouble() < 0.45 ? Cohort.Older : Cohort.Younger, // a name of both cohorts (Anna)
        };
        return new Respondent(letter, district, cohort, Gaussian(random));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
