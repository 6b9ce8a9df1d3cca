using System.Globalization;
using System.Text;
using Medborgare.Distribution.Sampling;
using static Medborgare.Distribution.Frames.SyntheticFrameData;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// A synthetic population frame for demos and tests: the adults (16+) of Älvsala, a made-up
/// mid-size Swedish municipality of about 60,000 adults in eight districts of unequal size and age.
/// Ids are valid personnummer that agree with birth year and sex. The output depends only on the
/// seed and the reference year, never on the clock or the runtime.
/// </summary>
/// <remarks>
/// Synthetic personnummer can coincide with real people's numbers; the names and addresses never
/// belong to them, but such files are still to be treated as test data and not published.
/// </remarks>
public static class SyntheticFrameGenerator
{
    public const int TypicalAdultPopulation = 60_000;
    /// <summary>The year the ages refer to when none is given, fixed so a seed always gives the same file.</summary>
    public const int DefaultReferenceYear = 2026;

    public static IReadOnlyList<FramePerson> Generate(int count, ulong seed) => Generate(count, seed, DefaultReferenceYear);

    public static IReadOnlyList<FramePerson> Generate(int count, ulong seed, int referenceYear)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new DeterministicRandom(seed);
        var districtCumulative = Cumulative(Districts.Select(d => d.Share).ToArray());
        var ageCumulativeByDistrict = Districts.Select(d => Cumulative(AgeWeights(d.AgeTilt))).ToArray();
        var usedIds = new HashSet<string>(count, StringComparer.Ordinal);
        var persons = new FramePerson[count];

        for (var i = 0; i < count; i++)
        {
            var d = Pick(districtCumulative, random);
            var district = Districts[d];
            var age = AgeGroup.MinimumAge + Pick(ageCumulativeByDistrict[d], random);
            var birthYear = referenceYear - age;
            var isWoman = random.NextDouble() < ShareOfWomen(age);

            var firstNames = (isWoman, birthYear < 1965) switch
            {
                (true, true) => OlderWomen,
                (true, false) => YoungerWomen,
                (false, true) => OlderMen,
                (false, false) => YoungerMen,
            };
            var name = $"{firstNames[random.NextInt(firstNames.Length)]} {Surnames[random.NextInt(Surnames.Length)]}";
            var street = district.Streets[random.NextInt(district.Streets.Count)];
            var number = 1 + random.NextInt(street.MaxNumber);
            var address = random.NextInt(8) == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{street.Name} {number} {(char)('A' + random.NextInt(3))}")
                : string.Create(CultureInfo.InvariantCulture, $"{street.Name} {number}");
            var id = NewPersonnummer(birthYear, isWoman, random, usedIds);

            persons[i] = new FramePerson(id, name, address, street.PostalCode, street.Town, birthYear,
                isWoman ? "K" : "M", district.Name);
        }
        return persons;
    }

    /// <summary>Writes persons in the import format read by <see cref="PopulationFrameCsv"/>, with CRLF line ends.</summary>
    public static void WriteCsv(IEnumerable<FramePerson> persons, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(PopulationFrameCsv.Separator, PopulationFrameCsv.Columns));
        writer.Write("\r\n");
        var line = new StringBuilder();
        foreach (var p in persons)
        {
            line.Clear();
            string[] fields = [p.Id, p.Name, p.Address, p.PostalCode, p.Town,
                p.BirthYear.ToString(CultureInfo.InvariantCulture), p.Sex, p.District];
            for (var f = 0; f < fields.Length; f++)
            {
                if (f > 0) line.Append(PopulationFrameCsv.Separator);
                AppendField(line, fields[f]);
            }
            line.Append("\r\n");
            writer.Write(line);
        }
    }

    static void AppendField(StringBuilder line, string value)
    {
        if (value.AsSpan().IndexOfAny(";\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }

    // YYYYMMDD-NNNC: a birth date in the year, a birth number whose last digit is odd for men and
    // even for women, and the Luhn digit. Drawn again on the rare collision.
    static string NewPersonnummer(int birthYear, bool isWoman, DeterministicRandom random, HashSet<string> used)
    {
        var date = new DateOnly(birthYear, 1, 1).AddDays(random.NextInt(DateTime.IsLeapYear(birthYear) ? 366 : 365));
        while (true)
        {
            var serial = random.NextInt(100);
            var sexDigit = 2 * random.NextInt(5) + (isWoman ? 0 : 1);
            if (serial == 0 && sexDigit == 0) continue; // birth number 000 is not issued
            var nine = string.Create(CultureInfo.InvariantCulture, $"{date.Year % 100:D2}{date.Month:D2}{date.Day:D2}{serial:D2}{sexDigit}");
            var id = string.Create(CultureInfo.InvariantCulture,
                $"{date.Year:D4}{date.Month:D2}{date.Day:D2}-{serial:D2}{sexDigit}{Personnummer.LuhnCheckDigit(nine)}");
            if (used.Add(id)) return id;
        }
    }

    // Weights for ages 16..100: the national pyramid, tilted younger or older for the district.
    // Plain arithmetic only (no Math.Exp), so the weights are bit-identical on every platform.
    static double[] AgeWeights(double tilt)
    {
        var weights = new double[MaximumAge - AgeGroup.MinimumAge + 1];
        for (var age = AgeGroup.MinimumAge; age <= MaximumAge; age++)
        {
            var perYear = AgePyramid.Last(band => band.FromAge <= age).PerYear;
            weights[age - AgeGroup.MinimumAge] = perYear * Math.Max(0.25, 1 + tilt * (age - 50) / 50.0);
        }
        return weights;
    }

    static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        for (var i = 0; i < weights.Length; i++) cumulative[i] /= sum;
        return cumulative;
    }

    static int Pick(double[] cumulative, DeterministicRandom random)
    {
        var u = random.NextDouble();
        var i = Array.BinarySearch(cumulative, u);
        i = i < 0 ? ~i : i + 1;
        return Math.Min(i, cumulative.Length - 1);
    }
}
