using System.Text;
using Medborgare.Distribution.Frames;

// Writes a realistic synthetic population frame in the import format, for demos and tests:
//   dotnet run --project tools/FrameGenerator -- --count 60000 --seed 1 --out frame.csv
int count = 60_000;
ulong seed = 1;
int? year = null;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], out var c) && c is >= 1 and <= 5_000_000: count = c; i++; break;
        case "--seed" when i + 1 < args.Length && ulong.TryParse(args[i + 1], out var s): seed = s; i++; break;
        case "--year" when i + 1 < args.Length && int.TryParse(args[i + 1], out var y): year = y; i++; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: FrameGenerator [--count N (1..5000000)] [--seed S] [--year YYYY] [--out FILE]");
            return 2;
    }
}

var persons = year is null ? SyntheticFrameGenerator.Generate(count, seed) : SyntheticFrameGenerator.Generate(count, seed, year.Value);
await using var writer = output is null
    ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
    : new StreamWriter(output, false, new UTF8Encoding(true));
SyntheticFrameGenerator.WriteCsv(persons, writer);
if (output is not null) Console.Error.WriteLine($"Wrote {persons.Count} persons to {output}");
return 0;
