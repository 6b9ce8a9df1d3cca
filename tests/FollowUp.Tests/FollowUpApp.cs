using Medborgare.FollowUp.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Tests;

/// <summary>
/// FollowUp on real PostgreSQL and RabbitMQ for a test class, for municipality 1480 with two peers, fetching key figures from a
/// <see cref="FakeKolada"/> of its own. A test that needs an empty database (and a Kolada that has served nothing) resets it.
/// </summary>
public sealed class FollowUpApp() : ServiceApp<FollowUpDbContext>(ResourceNames.FollowUp, ResourceNames.FollowUpDb)
{
    public const string Municipality = "1480";
    public static readonly string[] Peers = ["1280", "0180"];

    public FakeKolada Kolada { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Kolada = await FakeKolada.StartAsync();
        Settings["Municipality:Code"] = Municipality;
        Settings["Kolada:Peers:0"] = Peers[0];
        Settings["Kolada:Peers:1"] = Peers[1];
        Settings["Kolada:PageSize"] = "3";
        Settings["Kolada:BaseUrl"] = Kolada.BaseUrl;
        await base.InitializeAsync();
    }

    protected override async Task StopAsync()
    {
        await base.StopAsync();
        if (Kolada is not null) await Kolada.DisposeAsync();
    }

    public override async Task ResetAsync()
    {
        await base.ResetAsync();
        Kolada.Reset();
    }

    /// <summary>A context of the test's own on the service's database, to look at what was stored.</summary>
    public FollowUpDbContext Db() => new(new DbContextOptionsBuilder<FollowUpDbContext>()
        .UseNpgsql(DatabaseConnectionString).UseSnakeCaseNamingConvention().Options);
}
