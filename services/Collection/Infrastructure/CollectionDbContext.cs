using Medborgare.Collection.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Collection.Infrastructure;

public sealed class CollectionDbContext(DbContextOptions<CollectionDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OpenSurvey> Surveys => Set<OpenSurvey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<CitizenFeedback> Feedback => Set<CitizenFeedback>();
    public DbSet<CaseEventEntry> CaseEvents => Set<CaseEventEntry>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<CommitteeRoute> CommitteeRoutes => Set<CommitteeRoute>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<OpenSurvey>(b =>
        {
            b.ToTable("surveys");
            b.HasKey(s => s.SurveyId);
            b.Property(s => s.SurveyId).ValueGeneratedNever();
            b.Property(s => s.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(s => s.TitleSv).HasMaxLength(200);
            b.Property(s => s.TitleEn).HasMaxLength(200);
            b.Property(s => s.Questionnaire).HasColumnType("jsonb");
            b.Property(s => s.CodeSalt).HasMaxLength(100);
        });
        modelBuilder.Entity<Invitation>(b =>
        {
            b.HasKey(i => i.Id);
            b.HasIndex(i => new { i.SurveyId, i.CodeHash }).IsUnique();
            b.Property(i => i.CodeHash).HasMaxLength(64);
            b.Property(i => i.District).HasMaxLength(100);
            b.Property(i => i.Sex).HasMaxLength(1);
            b.Property(i => i.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<Submission>(b =>
        {
            b.HasKey(s => s.InvitationId);
            b.Property(s => s.ReceiptNumber).HasMaxLength(20);
            b.Property(s => s.PendingAnswers).HasColumnType("jsonb");
            b.Property(s => s.PendingChannel).HasMaxLength(10);
            b.Property(s => s.PendingTraceParent).HasMaxLength(100);
            b.HasIndex(s => s.PendingSince).HasFilter("pending_since IS NOT NULL");
        });
        modelBuilder.Entity<Draft>(b =>
        {
            b.HasKey(d => d.InvitationId);
            b.Property(d => d.Answers).HasColumnType("jsonb");
        });
        modelBuilder.Entity<CitizenFeedback>(b =>
        {
            b.ToTable("feedback");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).ValueGeneratedNever();
            b.Property(f => f.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(f => f.Category).HasMaxLength(50);
            b.Property(f => f.GoalArea).HasMaxLength(50);
            b.Property(f => f.District).HasMaxLength(100);
            b.Property(f => f.MaskedText).HasMaxLength(5000);
            b.Property(f => f.ContactName).HasMaxLength(200);
            b.Property(f => f.ContactEmail).HasMaxLength(200);
            b.Property(f => f.ContactPhone).HasMaxLength(50);
            b.Property(f => f.Receipt).HasMaxLength(20);
            b.HasIndex(f => f.Receipt).IsUnique();
            b.Property(f => f.Channel).HasConversion<string>().HasMaxLength(20);
            b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(f => f.ProposedCommittee).HasMaxLength(200);
            b.Property(f => f.Committee).HasMaxLength(200);
            b.Property(f => f.AssignedTo).HasMaxLength(200);
            b.Property(f => f.AnsweredBy).HasMaxLength(200);
            b.Property(f => f.Answer).HasMaxLength(10000);
            b.Property(f => f.Version).IsRowVersion();
            b.HasIndex(f => new { f.Committee, f.Status, f.DueDate });
            b.HasIndex(f => new { f.GoalArea, f.PublishedAt }).HasFilter("published_at IS NOT NULL");
            b.HasIndex(f => f.ClosedAt).HasFilter("closed_at IS NOT NULL AND contact_purged_at IS NULL");
            b.HasMany(f => f.Events).WithOne().HasForeignKey(e => e.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseEventEntry>(b =>
        {
            b.ToTable("case_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Actor).HasMaxLength(200);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
            b.Property(e => e.Detail).HasMaxLength(1000);
            b.HasIndex(e => new { e.FeedbackId, e.At });
        });
        modelBuilder.Entity<OutgoingEmail>(b =>
        {
            b.ToTable("outgoing_emails");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.ToAddress).HasMaxLength(200);
            b.Property(e => e.MaskedTo).HasMaxLength(200);
            b.Property(e => e.Subject).HasMaxLength(300);
            b.Property(e => e.Body).HasMaxLength(20000);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.LastError).HasMaxLength(1000);
            b.HasIndex(e => e.NextAttemptAt).HasFilter("status = 'Pending'");
            b.HasIndex(e => e.FeedbackId);
            b.HasOne<CitizenFeedback>().WithMany().HasForeignKey(e => e.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CommitteeRoute>(b =>
        {
            b.ToTable("committee_routes");
            b.HasKey(r => new { r.MunicipalityCode, r.GoalArea });
            b.Property(r => r.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(r => r.GoalArea).HasMaxLength(50);
            b.Property(r => r.GoalAreaTitle).HasMaxLength(200);
            b.Property(r => r.Committee).HasMaxLength(200);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CollectionDbContext>
{
    public CollectionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CollectionDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
