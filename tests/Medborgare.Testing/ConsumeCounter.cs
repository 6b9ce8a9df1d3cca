using System.Collections.Concurrent;
using MassTransit;

namespace Medborgare.Testing;

/// <summary>
/// Counts, per MessageId, how often a service has finished consuming a message (successfully or not). A test that sends a message
/// twice waits until both deliveries were consumed, a positive signal, instead of sleeping and hoping nothing more arrives.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    readonly ConcurrentDictionary<Guid, int> consumed = new();

    public int Consumed(Guid messageId) => consumed.GetValueOrDefault(messageId);

    /// <summary>Waits until the message with <paramref name="messageId"/> has been consumed <paramref name="times"/> times.</summary>
    public Task WaitForAsync(Guid messageId, int times, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Task.FromResult(Consumed(messageId) >= times), timeout, $"message {messageId} to be consumed {times} times");

    Task IConsumeObserver.PreConsume<T>(ConsumeContext<T> context) => Task.CompletedTask;

    Task IConsumeObserver.PostConsume<T>(ConsumeContext<T> context) => Count(context);

    Task IConsumeObserver.ConsumeFault<T>(ConsumeContext<T> context, Exception exception) => Count(context);

    Task Count(ConsumeContext context)
    {
        if (context.MessageId is { } id) consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
