using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Distribution.Tests;

sealed class DistributionFactory(string database, string broker)
    : ServiceFactory<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb, database, broker)
{
    public static async Task<DistributionFactory> StartAsync(string? brokerConnectionString = null)
    {
        var servers = await TestServers.GetAsync();
        return new DistributionFactory(servers.NewDatabase("distribution"), brokerConnectionString ?? await servers.NewVirtualHostAsync());
    }
}
