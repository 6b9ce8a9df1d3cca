using BenchmarkDotNet.Running;
using Medborgare.Statistics.Benchmarks;

// --export-csv <folder> [respondents]: write the generated data set for bench/r/report-timing.R instead.
if (args.Length > 0 && args[0] == "--export-csv")
{
    var folder = args.Length > 1 ? args[1] : "bench/r/data";
    var respondents = args.Length > 2 ? int.Parse(args[2]) : 100_000;
    new Municipality(respondents).Export(folder);
    Console.WriteLine($"Wrote {respondents} respondents to {folder}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ReportBenchmarks).Assembly).Run(args);
