using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Messaging;

/// <summary>
/// A consumer whose effect and inbox row are committed in one transaction. A message seen before
/// (same MessageId for this consumer) is acknowledged without effect; the unique key settles races
/// between replicas.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected TDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId");

        if (await Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == ConsumerName, context.CancellationToken))
        {
            return;
        }

        await using var tx = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = ConsumerName, HandledAt = Clock.GetUtcNow() });
        await HandleAsync(context.Message, context);
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
            await tx.CommitAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
                                          && pg.TableName == "inbox_messages")
        {
            // Another replica handled the same message first: its effect stands, ours is rolled back.
            await tx.RollbackAsync(context.CancellationToken);
            Db.ChangeTracker.Clear();
            return;
        }
        Committed(context.Message);
    }

    /// <summary>Called once the effect is committed (not for a message seen before): a place to drop what this process cached.</summary>
    protected virtual void Committed(TMessage message) { }

    /// <summary>Applies the message's effect to <see cref="Db"/> without saving; the base class saves.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
