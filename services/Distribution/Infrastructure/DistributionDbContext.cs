using Medborgare.Distribution.Model;
using Medborgare.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Distribution.Infrastructure;

public sealed class DistributionDbContext(DbContextOptions<DistributionDbContext> options) : DbContext(options), IMessagingDbContext, IDataProtectionKeyContext
{
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<FrameEntry> FrameEntries => Set<FrameEntry>();
    public DbSet<Sample> Samples => Set<Sample>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<StratumCount> StratumCounts => Set<StratumCount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>Keys that encrypt the printable codes, shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Survey>(b =>
        {
            b.HasKey(s => s.Id);
            b.Property(s => s.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(s => s.TitleSv).HasMaxLength(200);
            b.Property(s => s.TitleEn).HasMaxLength(200);
            b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Questionnaire).HasColumnType("jsonb");
            b.Property(s => s.CodeSalt).HasMaxLength(100);
            b.HasIndex(s => new { s.MunicipalityCode, s.Year }).IsUnique();
        });
        modelBuilder.Entity<FrameEntry>(b =>
        {
            b.HasKey(p => p.Id);
            b.HasIndex(p => new { p.SurveyId, p.Ordinal }).IsUnique();
            b.HasIndex(p => new { p.SurveyId, p.PersonId }).IsUnique();
            b.Property(p => p.PersonId).HasMaxLength(40);
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.Address).HasMaxLength(200);
            b.Property(p => p.PostalCode).HasMaxLength(10);
            b.Property(p => p.Town).HasMaxLength(100);
            b.Property(p => p.Sex).HasMaxLength(1);
            b.Property(p => p.District).HasMaxLength(100);
            b.Property(p => p.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<Sample>(b =>
        {
            b.HasKey(s => s.SurveyId);
            b.Property(s => s.Allocation).HasMaxLength(20);
        });
        modelBuilder.Entity<Invitation>(b =>
        {
            b.HasKey(i => i.Id);
            b.HasIndex(i => new { i.SurveyId, i.CodeHash }).IsUnique();
            b.HasIndex(i => i.FrameEntryId).IsUnique();
            b.Property(i => i.CodeHash).HasMaxLength(64);
            b.Property(i => i.District).HasMaxLength(100);
            b.Property(i => i.Sex).HasMaxLength(1);
            b.Property(i => i.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<StratumCount>(b =>
        {
            b.HasKey(c => new { c.SurveyId, c.District, c.Sex, c.AgeGroup });
            b.Property(c => c.District).HasMaxLength(100);
            b.Property(c => c.Sex).HasMaxLength(1);
            b.Property(c => c.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.HasKey(a => a.Id);
            b.Property(a => a.UserName).HasMaxLength(200);
            b.Property(a => a.Action).HasMaxLength(100);
            b.HasIndex(a => a.SurveyId);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DistributionDbContext>
{
    public DistributionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DistributionDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
