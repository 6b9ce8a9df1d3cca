using System.Collections.Concurrent;
using MassTransit;
using Medborgare.Messaging;

namespace Medborgare.Testing;

/// <summary>
/// A MassTransit bus of the test's own on a real broker: publishes messages with chosen MessageIds and
/// records what arrives on its own durable queue.
/// </summary>
public sealed class TestBus<TMessage> : IAsyncDisposable where TMessage : class
{
    readonly IBusControl bus;
    public ConcurrentQueue<ConsumeContext<TMessage>> Received { get; } = new();

    TestBus(IBusControl bus) => this.bus = bus;

    public IBus Bus => bus;

    public static async Task<TestBus<TMessage>> StartAsync(string brokerConnectionString, string queueName)
    {
        var address = BrokerAddress.Parse(brokerConnectionString);
        TestBus<TMessage>? testBus = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.UserName);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint(queueName, e => e.Handler<TMessage>(ctx =>
            {
                testBus!.Received.Enqueue(ctx);
                return Task.CompletedTask;
            }));
        });
        testBus = new TestBus<TMessage>(bus);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return testBus;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
