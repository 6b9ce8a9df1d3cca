using Medborgare.Messaging.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps the outbox, inbox and quarantine tables into a service's model. Call from OnModelCreating.</summary>
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
        modelBuilder.Entity<QuarantinedMessage>(b =>
        {
            b.ToTable("quarantined_messages");
            b.HasKey(q => q.Id);
            b.Property(q => q.Id).ValueGeneratedNever();
            b.HasIndex(q => new { q.MessageId, q.Consumer }).IsUnique();
            b.Property(q => q.Consumer).HasMaxLength(200);
            b.Property(q => q.Queue).HasMaxLength(200);
            b.Property(q => q.MessageType).HasMaxLength(300);
            b.Property(q => q.ContentType).HasMaxLength(100);
            b.Property(q => q.Headers).HasColumnType("jsonb");
            b.HasIndex(q => q.QuarantinedAt);
            b.Ignore(q => q.BodyText);
        });
        modelBuilder.Entity<QuarantineAuditEntry>(b =>
        {
            b.ToTable("quarantine_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasIndex(a => a.QuarantineId);
            b.Property(a => a.Action).HasMaxLength(20);
            b.Property(a => a.UserName).HasMaxLength(200);
            b.Property(a => a.MessageType).HasMaxLength(300);
            b.Property(a => a.Queue).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
