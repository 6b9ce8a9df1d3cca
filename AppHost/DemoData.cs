using Medborgare.AppHost.Hosting;
using Medborgare.DemoSeeder;
using Medborgare.ServiceDefaults;

namespace Medborgare.AppHost;

/// <summary>
/// <c>--demo</c>: seeds the demo municipality once per state folder. A marker file records that it was done, so a
/// restart with <c>--demo</c> only starts the app; the seeder itself also refuses when demo data is already there.
/// </summary>
public static class DemoData
{
    public const string MarkerFile = "demo-seeded";

    public static async Task SeedOnceAsync(DistributedApplication app, CancellationToken ct)
    {
        var output = app.Options.Output;
        var marker = Path.Combine(app.Options.StateDirectory, MarkerFile);
        if (File.Exists(marker))
        {
            output.WriteLine($"demo        | already seeded in this state folder ({marker}); starting without seeding");
            return;
        }
        try
        {
            var summary = await new DemoMunicipalitySeeder(Options(app)).SeedAsync(ct);
            await File.WriteAllTextAsync(marker, $"{DateTimeOffset.UtcNow:O} {summary.Years.Sum(y => y.Responses)} responses in {summary.Took.TotalSeconds:0} s\n", ct);
            output.WriteLine();
            output.WriteLine($"  The demo municipality is ready: log in at {app.Project(ResourceNames.Web).Url}/personal and see docs/demo.md.");
            output.WriteLine();
        }
        catch (Exception ex) when (ex is DemoSeedingException or TimeoutException or HttpRequestException)
        {
            // The app keeps running; a later run with --demo tries again, since no marker was written.
            await Console.Error.WriteLineAsync($"\nThe demo could not be seeded: {ex.Message}");
        }
    }

    public static DemoOptions Options(DistributedApplication app) => new()
    {
        Distribution = new Uri(app.Project(ResourceNames.Distribution).Url),
        Collection = new Uri(app.Project(ResourceNames.Collection).Url),
        Analysis = new Uri(app.Project(ResourceNames.Analysis).Url),
        FollowUp = new Uri(app.Project(ResourceNames.FollowUp).Url),
        SigningKey = app.SigningKey,
        Output = app.Options.Output,
    };
}
