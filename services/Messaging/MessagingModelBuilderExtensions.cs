using Microsoft.EntityFrameworkCore;

namespace Medborgare.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps the outbox and inbox tables into a service's model. Call from OnModelCreating.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            b.HasIndex(m => m.Sequence).IsUnique();
            b.Property(m => m.MessageType).HasMaxLength(300);
            b.Property(m => m.Body).HasColumnType("jsonb");
            b.Property(m => m.TraceParent).HasMaxLength(100);
            b.HasIndex(m => new { m.SentAt, m.Sequence }).HasFilter("sent_at IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Consumer });
            b.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
