using Microsoft.EntityFrameworkCore;

namespace Medborgare.Messaging;

/// <summary>A service's own DbContext that holds its outbox and inbox tables.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxMessage> InboxMessages { get; }
}
