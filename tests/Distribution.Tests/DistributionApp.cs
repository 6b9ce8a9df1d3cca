using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Distribution.Tests;

/// <summary>Distribution on real PostgreSQL and RabbitMQ for a test class; a test that needs an empty database resets it.</summary>
public sealed class DistributionApp : ServiceApp<DistributionDbContext>
{
    /// <summary>The municipality's name, as the AppHost hands it to every part.</summary>
    public const string MunicipalityName = "Testby kommun";

    public DistributionApp() : base(ResourceNames.Distribution, ResourceNames.DistributionDb) => Settings["Municipality:Name"] = MunicipalityName;

    /// <summary>A host of the test's own, on the given broker (dispose it).</summary>
    public static Task<DistributionApp> StartOwnAsync(string? brokerConnectionString = null) =>
        StartOwnAsync(new DistributionApp(), settings: null, database: null, broker: brokerConnectionString);
}
