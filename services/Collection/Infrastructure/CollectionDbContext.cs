using Medborgare.Collection.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Collection.Infrastructure;

public sealed class CollectionDbContext(DbContextOptions<CollectionDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OpenSurvey> Surveys => Set<OpenSurvey>();
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
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CollectionDbContext>
{
    public CollectionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CollectionDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
