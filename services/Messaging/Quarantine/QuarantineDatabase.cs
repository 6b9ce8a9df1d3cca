using Microsoft.EntityFrameworkCore;

namespace Medborgare.Messaging.Quarantine;

/// <summary>The service's own DbContext, as the shared quarantine API reaches it (registered by AddServiceDatabaseAndMessaging).</summary>
public sealed class QuarantineDatabase(DbContext db)
{
    public DbContext Db { get; } = db;
}
