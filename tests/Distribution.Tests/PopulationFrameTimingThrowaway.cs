using System.Diagnostics;
using Medborgare.Distribution.Frames;
using Xunit.Abstractions;

namespace Medborgare.Distribution.Tests;

public sealed class PopulationFrameTimingThrowaway(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        var persons = SyntheticFrameGenerator.Generate(100_000, 2026);
        var w = new StringWriter(); SyntheticFrameGenerator.WriteCsv(persons, w);
        var text = w.ToString();
        var path = Path.GetTempFileName(); File.WriteAllText(path, text);
        for (var run = 0; run < 4; run++)
        {
            var sw = Stopwatch.StartNew();
            using var reader = new StreamReader(path);
            var r = PopulationFrameCsv.Parse(reader, 200, 2026);
            sw.Stop();
            output.WriteLine($"run {run}: {sw.ElapsedMilliseconds} ms, {r.Persons.Count} persons, {r.Errors.Count} errors, {text.Length / 1024} KiB");
        }
        for (var run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            using var reader = new StreamReader(path);
            var lines = 0; while (reader.ReadLine() is not null) lines++;
            var t1 = sw.ElapsedMilliseconds;
            using var reader2 = new StreamReader(path);
            var csv = new CsvRecordReader(reader2, ';'); var f = 0;
            while (csv.Read()) f += csv.Fields.Count;
            output.WriteLine($"readline {t1} ms, records {sw.ElapsedMilliseconds - t1} ms");
        }
        File.Delete(path);
        var n = (double)persons.Count;
        output.WriteLine($"women {persons.Count(p => p.Sex == "K") / n:F3}, 65+ {persons.Count(p => 2026 - p.BirthYear >= 65) / n:F3}");
        foreach (var g in persons.GroupBy(p => p.District).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{g.Key}: {g.Count() / n:F3}, mean age {g.Average(p => 2026 - p.BirthYear):F1}");
        foreach (var g in persons.GroupBy(p => AgeGroup.Of(p.BirthYear, 2026)).OrderBy(g => g.Key))
            output.WriteLine($"{g.Key}: {g.Count() / n:F3}, women {g.Count(p => p.Sex == "K") / (double)g.Count():F3}");
        foreach (var p in persons.Take(5)) output.WriteLine(p.ToString());
    }
}
