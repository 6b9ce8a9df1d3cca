using Medborgare.FollowUp.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.FollowUp.Infrastructure;

public sealed class FollowUpDbContext(DbContextOptions<FollowUpDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<SurveyYear> SurveyYears => Set<SurveyYear>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<SurveyYear>(b =>
        {
            b.ToTable("survey_years");
            b.HasKey(s => s.SurveyId);
            b.Property(s => s.SurveyId).ValueGeneratedNever();
            b.Property(s => s.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(s => s.TitleSv).HasMaxLength(200);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FollowUpDbContext>
{
    public FollowUpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FollowUpDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
