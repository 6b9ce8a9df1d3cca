using Medborgare.AppHost;
using Medborgare.AppHost.Hosting;
using Medborgare.LoadTool;
using Medborgare.ServiceDefaults;

// End-to-end load: starts the whole app (its own PostgreSQL and RabbitMQ, on loopback), issues real codes through
// Distribution, submits responses through Collection's public API at a fixed rate, and measures latency and
// how soon Analysis has counted each response. Bounded: it sends exactly --responses requests and stops.
//   dotnet run -c Release --project bench/LoadTool -- --responses 5000 --rate 300
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: LoadTool [--responses N (1..200000)] [--rate R per second (1..5000)] [--concurrency C]");
    return 2;
}

var root = AppHostOptions.FindRepositoryRoot();
var stateDirectory = Path.Combine(root, ".medborgare", "bench", $"load-{DateTime.UtcNow:yyyyMMddHHmmss}");
Directory.CreateDirectory(stateDirectory);
// The services' output goes to a file, not the console, so the report stays readable and a failed run can be read after.
await using var appLog = new StreamWriter(Path.Combine(stateDirectory, "app.log")) { AutoFlush = true };
var hostOptions = AppHostOptions.Parse([]) with
{
    StateDirectory = stateDirectory,
    ExistingPostgres = null,
    ExistingRabbitMq = null,
    Environment = "Production",
    Output = TextWriter.Synchronized(appLog),
};
var builder = new DistributedApplicationBuilder(hostOptions);
builder.AddMedborgare();
// The load comes from one address; the per-client limit for the public is not what is being measured here.
// Nor is its guard against code guessing: the tool asks with a code until Collection knows the codes, and after ten
// unknown ones in 15 minutes one client would be made to wait.
builder.Project(ResourceNames.Collection).WithEnvironment("RateLimiting__PublicRequestsPerMinute", "100000000")
    .WithEnvironment("CodeThrottle__PerClientLimit", "100000");

await using var app = builder.Build();
Console.WriteLine($"Starting the app ({hostOptions.BuildConfiguration} build; its log: {Path.Combine(stateDirectory, "app.log")})…");
await app.StartAsync(CancellationToken.None);
Console.WriteLine($"All healthy after {app.StartupTime.TotalSeconds:0.0} s");

var run = new LoadRun(app, options);
try
{
    var report = await run.ExecuteAsync();
    report.Print(Console.Out);
    return report.Errors == 0 ? 0 : 1;
}
catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
{
    // A failed run stops the app it started (await using) and exits, rather than crashing with the app's servers still up.
    Console.Error.WriteLine($"The load run failed: {ex.Message}");
    return 2;
}
