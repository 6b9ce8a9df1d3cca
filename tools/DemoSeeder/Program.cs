using Medborgare.DemoSeeder;

// Run by the AppHost under --demo, once the services are healthy: fills the app with Älvsala kommun (docs/demo.md) through the
// services' own APIs, or does nothing when the app already holds it. The AppHost hands over the services' addresses
// (services__{name}__http__0) and the staff tokens' signing key (Auth__SigningKey); Demo__* settings make a smaller demo.
string Setting(string name) => Environment.GetEnvironmentVariable(name)
    ?? throw new InvalidOperationException($"{name} is not set: the demo seeder runs under the AppHost (dotnet run --project AppHost -- --demo).");
Uri Service(string name) => new(Setting($"services__{name}__http__0"));
int? Number(string name) => int.TryParse(Environment.GetEnvironmentVariable($"Demo__{name}"), out var n) ? n : null;

var defaults = new DemoOptions { Distribution = Service("distribution"), Collection = Service("collection"), Analysis = Service("analysis"),
    FollowUp = Service("followup"), SigningKey = Setting("Auth__SigningKey") };
var options = defaults with
{
    FramePersons = Number("FramePersons") ?? defaults.FramePersons,
    SampleSize = Number("SampleSize") ?? defaults.SampleSize,
    ResponsesPerYear = Number("ResponsesPerYear") ?? defaults.ResponsesPerYear,
    FeedbackItems = Number("FeedbackItems") ?? defaults.FeedbackItems,
    Concurrency = Number("Concurrency") ?? defaults.Concurrency,
};
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
try
{
    var summary = await new DemoMunicipalitySeeder(options).SeedAsync(stop.Token);
    if (!summary.AlreadySeeded) Console.WriteLine($"The demo municipality {DemoMunicipality.Name} is ready: log in on the staff site (/personal); see docs/demo.md.");
    return 0;
}
catch (Exception ex) when (ex is DemoSeedingException or TimeoutException or HttpRequestException)
{
    // The app keeps running; a later start with --demo tries again, since nothing marks the demo as done.
    Console.Error.WriteLine($"The demo could not be seeded: {ex.Message}");
    return 1;
}
