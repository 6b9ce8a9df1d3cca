using System.Globalization;
using System.Text;

namespace Medborgare.Statistics.Benchmarks;

/// <summary>
/// A realistic generated municipality: 10 districts, 16 sex × age cells, the default questionnaire's shape
/// (78 scale items, 26 factors under NRI/NMI/NII, each overall index with 3 items), fixed seed.
/// Raw answers are kept as bytes (0 = missing) so a million respondents fit in memory.
/// </summary>
public sealed class Municipality
{
    public static readonly int[] FactorsPerIndex = [7, 15, 4];

    public Municipality(int respondents, int seed = 2026)
    {
        var items = new List<ScaleItem>();
        var indices = new List<IndexDefinition>();
        string[] overall = ["NRI", "NMI", "NII"];
        for (var o = 0; o < 3; o++)
        {
            var keys = Enumerable.Range(1, 3).Select(i => $"{overall[o]}.helhet.q{i}").ToList();
            items.AddRange(keys.Select(k => new ScaleItem(k)));
            indices.Add(new IndexDefinition(overall[o], IndexLevel.Overall, null, keys));
            for (var f = 0; f < FactorsPerIndex[o]; f++)
            {
                var count = 2 + (f % 2);
                var factorKeys = Enumerable.Range(1, count).Select(i => $"{overall[o]}.f{f}.q{i}").ToList();
                items.AddRange(factorKeys.Select(k => new ScaleItem(k)));
                indices.Add(new IndexDefinition($"{overall[o]}.f{f}", IndexLevel.Factor, overall[o], factorKeys));
            }
        }
        // Pad to the default questionnaire's 78 scale items with items outside any index.
        while (items.Count < 78) items.Add(new ScaleItem($"extra.q{items.Count}"));
        Model = new AnalysisModel(items, indices);

        var random = new Random(seed);
        Districts = [.. Enumerable.Range(0, 10).Select(d => $"Område {d + 1:00}")];
        var cells = (from d in Districts from s in Demography.Sexes from a in Demography.AgeGroups select new Cell(d, s, a)).ToList();
        var population = cells.Select(c => (long)random.Next(800, 4000) * (c.AgeGroup == "85+" ? 1 : 3)).ToArray();
        Population = new PopulationMargins(cells.Select((c, i) => KeyValuePair.Create(c, population[i] * Math.Max(1, respondents / 20_000))));
        var cumulative = new double[cells.Count];
        double total = 0;
        for (var c = 0; c < cells.Count; c++) cumulative[c] = total += population[c] * (1 + (c % 16) / 8.0); // older answer more

        Cells = new Cell[respondents];
        Answers = new byte[respondents * items.Count];
        for (var i = 0; i < respondents; i++)
        {
            var u = random.NextDouble() * total;
            var c = Array.BinarySearch(cumulative, u);
            if (c < 0) c = ~c;
            Cells[i] = cells[Math.Min(c, cells.Count - 1)];
            var level = 4.5 + (c / 16) * 0.2 + random.NextDouble() * 4;
            for (var q = 0; q < items.Count; q++)
            {
                // A third of the service items are not applicable to a given respondent ("vet ej").
                if (random.NextDouble() < (q < 9 ? 0.05 : 0.35)) continue;
                Answers[i * items.Count + q] = (byte)Math.Clamp((int)Math.Round(level + (random.NextDouble() - 0.5) * 5), 1, 10);
            }
        }
    }

    public AnalysisModel Model { get; }
    public IReadOnlyList<string> Districts { get; }
    public PopulationMargins Population { get; }
    public Cell[] Cells { get; }
    public byte[] Answers { get; }

    public int Count => Cells.Length;

    public void Decode(int respondent, Span<double> answers)
    {
        var width = Model.Items.Count;
        for (var q = 0; q < width; q++)
        {
            var b = Answers[respondent * width + q];
            answers[q] = b == 0 ? double.NaN : b;
        }
    }

    public CellAggregates Aggregate()
    {
        var aggregates = new CellAggregates(Model);
        Span<double> answers = stackalloc double[Model.Items.Count];
        for (var i = 0; i < Count; i++)
        {
            Decode(i, answers);
            aggregates.Add(Cells[i], answers);
        }
        return aggregates;
    }

    /// <summary>The data set as CSV for bench/r/report-timing.R (respondents; population).</summary>
    public void Export(string folder)
    {
        Directory.CreateDirectory(folder);
        using (var w = new StreamWriter(Path.Combine(folder, "respondents.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("district,sex,agegroup," + string.Join(',', Model.Items.Select(i => i.Key)));
            var width = Model.Items.Count;
            var line = new StringBuilder();
            for (var i = 0; i < Count; i++)
            {
                line.Clear().Append(Cells[i].District).Append(',').Append(Cells[i].Sex).Append(',').Append(Cells[i].AgeGroup);
                for (var q = 0; q < width; q++)
                {
                    var b = Answers[i * width + q];
                    line.Append(',').Append(b == 0 ? "NA" : b.ToString(CultureInfo.InvariantCulture));
                }
                w.WriteLine(line);
            }
        }
        using (var w = new StreamWriter(Path.Combine(folder, "population.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("district,sex,agegroup,N");
            foreach (var (c, n) in Population.Counts) w.WriteLine($"{c.District},{c.Sex},{c.AgeGroup},{n}");
        }
        using (var w = new StreamWriter(Path.Combine(folder, "indices.csv"), false, new UTF8Encoding(false)))
        {
            w.WriteLine("key,level,parent,items");
            foreach (var i in Model.Indices) w.WriteLine($"{i.Key},{i.Level},{i.ParentKey},{string.Join(' ', i.ItemKeys)}");
        }
    }
}
