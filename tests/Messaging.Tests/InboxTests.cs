using MassTransit;
using Medborgare.Messaging;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medborgare.Messaging.Tests;

public sealed record Ping(Guid Id);

public sealed class Effect
{
    public Guid Id { get; set; }
    public Guid PingId { get; set; }
}

public sealed class EffectsDbContext(DbContextOptions<EffectsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Effect> Effects => Set<Effect>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

/// <summary>An effect that is not idempotent by itself: every handling adds a row. Only the inbox stops duplicates.</summary>
public sealed class PingConsumer(EffectsDbContext db, TimeProvider clock) : IdempotentConsumer<Ping, EffectsDbContext>(db, clock)
{
    protected override Task HandleAsync(Ping message, ConsumeContext<Ping> context)
    {
        Db.Effects.Add(new Effect { Id = Guid.NewGuid(), PingId = message.Id });
        return Task.CompletedTask;
    }
}

/// <summary>The idempotent consumer on real PostgreSQL and RabbitMQ.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    IHost host = null!;
    string broker = "";

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        broker = await servers.NewVirtualHostAsync();
        var address = BrokerAddress.Parse(broker);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        var database = servers.NewDatabase("inbox");
        builder.Services.AddDbContext<EffectsDbContext>(o => o.UseNpgsql(database).UseSnakeCaseNamingConvention());
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<PingConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(address.Host, address.Port, address.VirtualHost, h => { h.Username(address.UserName); h.Password(address.Password); });
                rabbit.UseMessageRetry(r => r.Immediate(5));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Publish only once the consumer's queue is bound, or the first message has nowhere to go.
        builder.Services.Configure<MassTransitHostOptions>(o => { o.WaitUntilStarted = true; o.StartTimeout = TimeSpan.FromSeconds(30); });
        host = builder.Build();
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EffectsDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_has_one_effect()
    {
        var ping = new Ping(Guid.NewGuid());
        var messageId = Guid.NewGuid();

        for (var i = 0; i < 3; i++) await TestMessages.PublishAsync(broker, ping, messageId);

        await Eventually.TrueAsync(async () => await CountAsync(db => db.Effects) >= 1, what: "the first effect");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await CountAsync(db => db.Effects));
        Assert.Equal(1, await CountAsync(db => db.InboxMessages.Where(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Different_messages_with_the_same_content_each_have_their_effect()
    {
        var ping = new Ping(Guid.NewGuid());

        await TestMessages.PublishAsync(broker, ping, Guid.NewGuid());
        await TestMessages.PublishAsync(broker, ping, Guid.NewGuid());

        await Eventually.TrueAsync(async () => await CountAsync(db => db.Effects) == 2, what: "two effects");
    }

    [Fact]
    public async Task Concurrent_duplicates_racing_past_the_inbox_check_still_have_one_effect()
    {
        var ping = new Ping(Guid.NewGuid());
        var messageId = Guid.NewGuid();
        var address = BrokerAddress.Parse(broker);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.UserName);
            h.Password(address.Password);
        }));
        await bus.StartAsync();
        try
        {
            // Published back to back, the copies are consumed concurrently (prefetch > 1).
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => bus.Publish(ping, ctx => ctx.MessageId = messageId)));
        }
        finally
        {
            await bus.StopAsync();
        }

        await Eventually.TrueAsync(async () => await CountAsync(db => db.Effects) >= 1, what: "the first effect");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await CountAsync(db => db.Effects));
    }

    async Task<int> CountAsync<T>(Func<EffectsDbContext, IQueryable<T>> query)
    {
        using var scope = host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<EffectsDbContext>()).CountAsync();
    }
}
