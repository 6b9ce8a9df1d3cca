using Medborgare.FollowUp.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Tests;

/// <summary>FollowUp on a real database and virtual host, for municipality 1480 with two peers and a Kolada base URL of the test's choosing.</summary>
public sealed class FollowUpFactory(string database, string broker, string? koladaBaseUrl)
    : ServiceFactory<FollowUpDbContext>(ResourceNames.FollowUp, ResourceNames.FollowUpDb, database, broker)
{
    public const string Municipality = "1480";
    public static readonly string[] Peers = ["1280", "0180"];

    public static async Task<FollowUpFactory> StartAsync(string? koladaBaseUrl = null)
    {
        var servers = await TestServers.GetAsync();
        var factory = new FollowUpFactory(servers.NewDatabase("followup"), await servers.NewVirtualHostAsync(), koladaBaseUrl);
        await factory.StartHealthyAsync();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Municipality:Code", Municipality);
        builder.UseSetting("Kolada:Peers:0", Peers[0]);
        builder.UseSetting("Kolada:Peers:1", Peers[1]);
        builder.UseSetting("Kolada:PageSize", "3");
        builder.UseSetting("Kolada:BaseUrl", koladaBaseUrl ?? "http://127.0.0.1:9");
    }

    /// <summary>A context of the test's own on the service's database, to look at what was stored.</summary>
    public FollowUpDbContext Db() => new(new DbContextOptionsBuilder<FollowUpDbContext>()
        .UseNpgsql(DatabaseConnectionString).UseSnakeCaseNamingConvention().Options);
}
