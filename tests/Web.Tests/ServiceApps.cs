using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Collection.Infrastructure;
using Medborgare.Distribution.Infrastructure;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Web.Tests;

/// <summary>The four services, each on a test server with a real database and broker, started once for the tests that ask them.</summary>
public sealed class ServiceApps : IAsyncLifetime
{
    public ServiceFactory<DistributionDbContext> Distribution { get; private set; } = null!;
    public ServiceFactory<CollectionDbContext> Collection { get; private set; } = null!;
    public ServiceFactory<AnalysisDbContext> Analysis { get; private set; } = null!;
    public ServiceFactory<FollowUpDbContext> FollowUp { get; private set; } = null!;

    /// <summary>Each service's OpenAPI document, by service name.</summary>
    public Dictionary<string, JsonElement> Documents { get; } = [];

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        var vhost = await servers.NewVirtualHostAsync();
        Distribution = new(ResourceNames.Distribution, ResourceNames.DistributionDb, servers.NewDatabase("distribution"), vhost);
        Collection = new(ResourceNames.Collection, ResourceNames.CollectionDb, servers.NewDatabase("collection"), vhost);
        Analysis = new(ResourceNames.Analysis, ResourceNames.AnalysisDb, servers.NewDatabase("analysis"), vhost);
        FollowUp = new(ResourceNames.FollowUp, ResourceNames.FollowUpDb, servers.NewDatabase("followup"), vhost);
        Documents[ResourceNames.Distribution] = await OpenApiAsync(Distribution.CreateClient());
        Documents[ResourceNames.Collection] = await OpenApiAsync(Collection.CreateClient());
        Documents[ResourceNames.Analysis] = await OpenApiAsync(Analysis.CreateClient());
        Documents[ResourceNames.FollowUp] = await OpenApiAsync(FollowUp.CreateClient());
    }

    static async Task<JsonElement> OpenApiAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();

    public async Task DisposeAsync()
    {
        await Distribution.DisposeAsync();
        await Collection.DisposeAsync();
        await Analysis.DisposeAsync();
        await FollowUp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServiceApps>
{
    public const string Name = "services";
}
