using Medborgare.Analysis.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Analysis.Infrastructure;

public sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<AnalysedSurvey> Surveys => Set<AnalysedSurvey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<AnalysedSurvey>(b =>
        {
            b.ToTable("surveys");
            b.HasKey(s => s.SurveyId);
            b.Property(s => s.SurveyId).ValueGeneratedNever();
            b.Property(s => s.MunicipalityCode).HasMaxLength(4).IsFixedLength();
            b.Property(s => s.TitleSv).HasMaxLength(200);
            b.Property(s => s.Questionnaire).HasColumnType("jsonb");
            b.HasIndex(s => new { s.MunicipalityCode, s.Year });
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnalysisDbContext>
{
    public AnalysisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalysisDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
