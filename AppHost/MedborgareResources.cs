using Medborgare.AppHost.Hosting;
using Medborgare.ServiceDefaults;

namespace Medborgare.AppHost;

/// <summary>The resource graph of Medborgare, shared by Program.cs and the system tests.</summary>
public static class MedborgareResources
{
    public static DistributedApplicationBuilder AddMedborgare(this DistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var distributionDb = postgres.AddDatabase(ResourceNames.DistributionDb);
        var collectionDb = postgres.AddDatabase(ResourceNames.CollectionDb);
        var analysisDb = postgres.AddDatabase(ResourceNames.AnalysisDb);
        var followUpDb = postgres.AddDatabase(ResourceNames.FollowUpDb);
        var webDb = postgres.AddDatabase(ResourceNames.WebDb);

        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);

        var distribution = builder.AddProject(ResourceNames.Distribution, "services/Distribution/Medborgare.Distribution.csproj")
            .WithReference(distributionDb)
            .WithReference(messaging);

        var collection = builder.AddProject(ResourceNames.Collection, "services/Collection/Medborgare.Collection.csproj")
            .WithReference(collectionDb)
            .WithReference(messaging);

        var analysis = builder.AddProject(ResourceNames.Analysis, "services/Analysis/Medborgare.Analysis.csproj")
            .WithReference(analysisDb)
            .WithReference(messaging);

        var followUp = builder.AddProject(ResourceNames.FollowUp, "services/FollowUp/Medborgare.FollowUp.csproj")
            .WithReference(followUpDb)
            .WithReference(messaging);

        if (builder.Options.Demo)
        {
            // The demo's residents all answer from this machine, faster than any real resident (and the seeder's
            // "are the codes there yet?" probes count as wrong codes); the "answered" flags reach Distribution within
            // seconds so the reminder round skips them; key figures come with two peers.
            collection.WithEnvironment("RateLimiting__PublicRequestsPerMinute", "100000")
                .WithEnvironment("CodeThrottle__PerClientLimit", "1000")
                .WithEnvironment("ResponseRelease__AnsweredFlagsEvery", "00:00:03");
            for (var i = 0; i < DemoSeeder.DemoMunicipality.Peers.Count; i++)
                followUp.WithEnvironment($"Kolada__Peers__{i}", DemoSeeder.DemoMunicipality.Peers[i]);
        }

        builder.AddProject(ResourceNames.Web, "web/Medborgare.Web.csproj")
            .WithReference(webDb)
            .WithReference(distribution)
            .WithReference(collection)
            .WithReference(analysis)
            .WithReference(followUp)
            .WithHttpPort(builder.Options.WebPort)
            .WithBootstrapAdministrator();

        return builder;
    }
}
