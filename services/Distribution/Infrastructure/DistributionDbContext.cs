using Medborgare.Distribution.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Distribution.Infrastructure;

public sealed class DistributionDbContext(DbContextOptions<DistributionDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Survey> Surveys => Set<Survey>();
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
            b.Property(s => s.PublishedQuestionnaire).HasColumnType("jsonb");
            b.HasIndex(s => new { s.MunicipalityCode, s.Year }).IsUnique();
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<DistributionDbContext>
{
    public DistributionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DistributionDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
