using System.Globalization;

namespace Medborgare.Statistics.Tests;

/// <summary>The committed R reference data sets (R/data, made by R/generate.R) and R's expected values (R/expected.csv).</summary>
public static class ReferenceData
{
    public static readonly string[] ItemKeys = ["o1", "o2", "o3", "a1", "a2", "b1", "b2", "b3"];

    public static AnalysisModel Model { get; } = new(
        [.. ItemKeys.Select(k => new ScaleItem(k))],
        [
            new IndexDefinition("NRI", IndexLevel.Overall, null, ["o1", "o2", "o3"]),
            new IndexDefinition("NRI.a", IndexLevel.Factor, "NRI", ["a1", "a2"]),
            new IndexDefinition("NRI.b", IndexLevel.Factor, "NRI", ["b1", "b2", "b3"]),
        ]);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "R");

    public static IReadOnlyList<RawRespondent> Respondents(string set)
    {
        var rows = Csv(Path.Combine(Folder, "data", $"{set}-respondents.csv"));
        var header = rows[0];
        return [.. rows.Skip(1).Select(row =>
        {
            string Field(string name) => row[Array.IndexOf(header, name)];
            var answers = ItemKeys.Select(k => Field(k) == "NA" ? double.NaN : double.Parse(Field(k), CultureInfo.InvariantCulture)).ToArray();
            return new RawRespondent(new Cell(Field("district"), Field("sex"), Field("agegroup")), answers);
        })];
    }

    public static PopulationMargins Population(string set) =>
        new(Csv(Path.Combine(Folder, "data", $"{set}-population.csv")).Skip(1)
            .Select(r => KeyValuePair.Create(new Cell(r[0], r[1], r[2]), long.Parse(r[3], CultureInfo.InvariantCulture))));

    public sealed record Expected(string Set, string Key, string Dimension, string Group, double Mean, double StandardError);

    public static IReadOnlyList<Expected> ExpectedValues() =>
        [.. Csv(Path.Combine(Folder, "expected.csv")).Skip(1).Select(r => new Expected(r[0], r[1], r[2], r[3],
            double.Parse(r[4], CultureInfo.InvariantCulture), r[5] == "NA" ? double.NaN : double.Parse(r[5], CultureInfo.InvariantCulture)))];

    /// <summary>R's write.csv: comma separated, strings in double quotes without embedded quotes.</summary>
    static List<string[]> Csv(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray())];
}
