using Medborgare.AppHost;
using Medborgare.LoadTool;

// End-to-end ingest benchmark (bench/LoadTool/README.md): starts the whole app as users run it, on Aspire's testing host, in a state
// folder of its own; prepares a survey with real codes; warms up; submits at a fixed rate for the measured phase (open loop);
// watches Analysis count; reports rates, latency, freshness, CPU per response, memory, row writes, the exactly-once check and
// PostgreSQL's bare insert ceiling. Exit code 1 when a response is lost or counted twice, 2 when the run could not be made.
//   dotnet run -c Release --project bench/LoadTool -- --responses 5000 --rate 300
if (LoadOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var stateDirectory = Path.Combine(MedborgareOptions.RepositoryRoot(), ".medborgare", "bench", $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
Directory.CreateDirectory(stateDirectory);
Console.WriteLine($"Starting the app (state and log: {stateDirectory})…");
var exitCode = 2;
try
{
    await using var app = await BenchApp.StartAsync(options, stateDirectory);
    Console.WriteLine($"All healthy after {app.StartupTime.TotalSeconds:0.0} s");
    var report = await new LoadRun(app, options).ExecuteAsync();
    ReportText.Print(report, Console.Out);
    Console.WriteLine($"\nReport: {ReportText.WriteJson(report, stateDirectory)}");
    exitCode = report.ExactlyOnce.Holds ? 0 : 1;
    Console.WriteLine("Stopping the app…");
}
catch (Exception ex)
{
    // Any failure means no figures: the app it started is stopped first (await using), so no server is left behind.
    Console.Error.WriteLine($"The load run could not be made: {ex} (the app's log: {Path.Combine(stateDirectory, "app.log")})");
}

if (!options.KeepData)
{
    // The servers' data (a preloaded million rows is a few hundred MB) goes; the log, the report and pgbench's output stay.
    try
    {
        foreach (var data in new[] { "postgres", "rabbitmq" }) if (Directory.Exists(Path.Combine(stateDirectory, data))) Directory.Delete(Path.Combine(stateDirectory, data), true);
        foreach (var secret in new[] { "postgres-password", "rabbitmq-password" }) File.Delete(Path.Combine(stateDirectory, secret));
    }
    catch (IOException ex)
    {
        Console.Error.WriteLine($"The servers' data could not be removed from {stateDirectory}: {ex.Message}");
    }
}
return exitCode;
