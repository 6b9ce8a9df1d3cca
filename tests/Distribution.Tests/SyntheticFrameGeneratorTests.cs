using Medborgare.Distribution.Frames;

namespace Medborgare.Distribution.Tests;

public sealed class SyntheticFrameGeneratorTests
{
    const int ReferenceYear = SyntheticFrameGenerator.DefaultReferenceYear;
    static readonly Lazy<IReadOnlyList<FramePerson>> Large = new(() => SyntheticFrameGenerator.Generate(100_000, seed: 2026));

    [Fact]
    public void One_hundred_thousand_generated_rows_round_trip_through_the_parser_without_errors()
    {
        var persons = Large.Value;
        var csv = new StringWriter();
        SyntheticFrameGenerator.WriteCsv(persons, csv);

        var result = PopulationFrameCsv.Parse(new StringReader(csv.ToString()), maxErrors: 200, currentYear: ReferenceYear);

        Assert.Empty(result.Errors);
        Assert.Equal(persons, result.Persons);
    }

    [Fact]
    public void Generated_ids_are_unique_personnummer_that_agree_with_birth_year_and_sex()
    {
        var persons = Large.Value;

        Assert.Equal(persons.Count, persons.Select(p => p.Id).Distinct().Count());
        Assert.All(persons, p =>
        {
            Assert.Equal(Personnummer.Outcome.Valid, Personnummer.Parse(p.Id, null, ReferenceYear, out var normalized, out var year));
            Assert.Equal(p.Id, normalized);
            Assert.Equal(p.BirthYear, year);
            var sexDigit = p.Id[^2] - '0';
            Assert.Equal(p.Sex == "M", sexDigit % 2 == 1);
        });
    }

    [Fact]
    public void The_municipality_looks_like_a_Swedish_one()
    {
        var persons = Large.Value;
        double Share(Func<FramePerson, bool> predicate) => persons.Count(predicate) / (double)persons.Count;

        var ages = persons.Select(p => ReferenceYear - p.BirthYear).ToArray();
        Assert.InRange(ages.Min(), 16, 16);
        Assert.InRange(ages.Max(), 95, 100);
        Assert.InRange(Share(p => p.Sex == "K"), 0.45, 0.55);
        Assert.InRange(Share(p => ReferenceYear - p.BirthYear >= 65), 0.20, 0.35);
        Assert.InRange(Share(p => ReferenceYear - p.BirthYear >= 90), 0.003, 0.03);

        // More women among the oldest.
        var oldest = persons.Where(p => ReferenceYear - p.BirthYear >= 85).ToList();
        Assert.True(oldest.Count(p => p.Sex == "K") > 0.55 * oldest.Count);

        // Every district present, of unequal sizes.
        var districts = persons.GroupBy(p => p.District).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(["Centrum", "Hamnen", "Kyrkbyn", "Landsbygden", "Norra", "Södra", "Västra", "Östra"],
            districts.Keys.Order(StringComparer.Ordinal));
        Assert.True(districts["Centrum"] > 2 * districts["Hamnen"]);

        // Every age group present; names, streets and postcodes varied.
        Assert.Equal(AgeGroup.All.Order(), persons.Select(p => AgeGroup.Of(p.BirthYear, ReferenceYear)!).Distinct().Order());
        Assert.True(persons.Select(p => p.Name).Distinct().Count() > 1_000);
        Assert.True(persons.Select(p => p.PostalCode).Distinct().Count() >= 20);
    }

    [Fact]
    public void Districts_differ_in_age_as_town_centres_and_countryside_do()
    {
        var persons = Large.Value;
        double MeanAge(string district) => persons.Where(p => p.District == district).Average(p => ReferenceYear - p.BirthYear);

        Assert.True(MeanAge("Landsbygden") > MeanAge("Centrum") + 3);
    }

    [Fact]
    public void The_same_seed_gives_the_same_frame_and_another_seed_another()
    {
        var first = SyntheticFrameGenerator.Generate(2_000, seed: 7);
        var again = SyntheticFrameGenerator.Generate(2_000, seed: 7);
        var other = SyntheticFrameGenerator.Generate(2_000, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_written_file_has_the_import_header_and_one_line_per_person()
    {
        var persons = SyntheticFrameGenerator.Generate(3, seed: 1);
        var csv = new StringWriter();

        SyntheticFrameGenerator.WriteCsv(persons, csv);

        var lines = csv.ToString().Split("\r\n");
        Assert.Equal("id;namn;adress;postnummer;ort;fodd;kon;distrikt", lines[0]);
        Assert.Equal(5, lines.Length); // header, three persons, and the empty string after the last line end
        Assert.StartsWith(persons[0].Id + ";", lines[1]);
    }

    [Fact]
    public void Fields_with_separators_or_quotes_are_quoted_when_written()
    {
        FramePerson[] persons = [new("X-1", "Andersson; Lars", "Storgatan 1 \"Gula huset\"", "735 30", "Älvsala", 1980, "M", "Centrum")];
        var csv = new StringWriter();

        SyntheticFrameGenerator.WriteCsv(persons, csv);
        var result = PopulationFrameCsv.Parse(new StringReader(csv.ToString()), 200, ReferenceYear);

        Assert.Contains("\"Andersson; Lars\";\"Storgatan 1 \"\"Gula huset\"\"\"", csv.ToString());
        Assert.Equal(persons, result.Persons);
    }
}
