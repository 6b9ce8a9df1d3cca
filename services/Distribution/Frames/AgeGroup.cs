namespace Medborgare.Distribution.Frames;

/// <summary>
/// Åldersgrupp: the ten-year age bands of the survey (16-24 is nine years, 85+ is open).
/// Age is the age reached during the reference year, as the register counts birth years only.
/// </summary>
public static class AgeGroup
{
    public const int MinimumAge = 16;

    public static readonly IReadOnlyList<string> All = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+"];

    /// <summary>The band for someone born in <paramref name="birthYear"/>, or null when younger than 16.</summary>
    public static string? Of(int birthYear, int referenceYear)
    {
        var age = referenceYear - birthYear;
        return age switch
        {
            < MinimumAge => null,
            <= 24 => All[0],
            >= 85 => All[^1],
            _ => All[(age - 15) / 10],
        };
    }
}
