using Medborgare.Analysis.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Analysis.Infrastructure;

public sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<AnalysedSurvey> Surveys => Set<AnalysedSurvey>();
    public DbSet<AnalysedResponse> Responses => Set<AnalysedResponse>();
    public DbSet<CellItemStatistic> CellItemStatistics => Set<CellItemStatistic>();
    public DbSet<CellPairStatistic> CellPairStatistics => Set<CellPairStatistic>();
    public DbSet<PopulationMarginCell> PopulationMargins => Set<PopulationMarginCell>();
    public DbSet<CitizenFeedback> Feedback => Set<CitizenFeedback>();
    public DbSet<PublishedIndicator> PublishedIndicators => Set<PublishedIndicator>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<QuarantinedMessage> QuarantinedMessages => Set<QuarantinedMessage>();

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
        modelBuilder.Entity<AnalysedResponse>(b =>
        {
            b.ToTable("responses");
            b.HasKey(r => r.ResponseId);
            b.Property(r => r.ResponseId).ValueGeneratedNever();
            b.HasIndex(r => r.SurveyId);
            b.Property(r => r.District).HasMaxLength(100);
            b.Property(r => r.Sex).HasMaxLength(1);
            b.Property(r => r.AgeGroup).HasMaxLength(10);
            b.Property(r => r.Channel).HasMaxLength(10);
            b.Property(r => r.Answers).HasColumnType("jsonb");
        });
        modelBuilder.Entity<CellItemStatistic>(b =>
        {
            b.ToTable("cell_item_statistics");
            // Every batch of answers updates thousands of these rows in place: free room in each page lets PostgreSQL
            // write the new row version beside the old one without touching the primary key index (a HOT update).
            b.HasStorageParameter("fillfactor", 70);
            b.HasKey(c => new { c.SurveyId, c.District, c.Sex, c.AgeGroup, c.ItemKey });
            b.Property(c => c.District).HasMaxLength(100);
            b.Property(c => c.Sex).HasMaxLength(1);
            b.Property(c => c.AgeGroup).HasMaxLength(10);
            b.Property(c => c.ItemKey).HasMaxLength(200);
        });
        modelBuilder.Entity<CellPairStatistic>(b =>
        {
            b.ToTable("cell_pair_statistics");
            b.HasStorageParameter("fillfactor", 70);
            b.HasKey(c => new { c.SurveyId, c.District, c.Sex, c.AgeGroup, c.FactorKey, c.OverallKey });
            b.Property(c => c.District).HasMaxLength(100);
            b.Property(c => c.Sex).HasMaxLength(1);
            b.Property(c => c.AgeGroup).HasMaxLength(10);
            b.Property(c => c.FactorKey).HasMaxLength(200);
            b.Property(c => c.OverallKey).HasMaxLength(200);
        });
        modelBuilder.Entity<PopulationMarginCell>(b =>
        {
            b.ToTable("population_margins");
            b.HasKey(c => new { c.SurveyId, c.District, c.Sex, c.AgeGroup });
            b.Property(c => c.District).HasMaxLength(100);
            b.Property(c => c.Sex).HasMaxLength(1);
            b.Property(c => c.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<CitizenFeedback>(b =>
        {
            b.ToTable("feedback");
            b.HasKey(f => f.FeedbackId);
            b.Property(f => f.FeedbackId).ValueGeneratedNever();
            b.Property(f => f.MunicipalityCode).HasMaxLength(4);
            b.Property(f => f.Category).HasMaxLength(100);
            b.Property(f => f.GoalArea).HasMaxLength(100);
            b.Property(f => f.District).HasMaxLength(100);
            b.HasIndex(f => f.ReceivedAt);
        });
        modelBuilder.Entity<PublishedIndicator>(b =>
        {
            b.ToTable("published_indicators");
            b.HasKey(p => new { p.SurveyId, p.Key });
            b.Property(p => p.Key).HasMaxLength(200);
            b.Property(p => p.Kind).HasMaxLength(20);
        });
        modelBuilder.Entity<QuarantinedMessage>(b =>
        {
            b.ToTable("quarantined_messages");
            b.HasKey(q => q.MessageId);
            b.Property(q => q.MessageId).ValueGeneratedNever();
            b.Property(q => q.Consumer).HasMaxLength(200);
            b.Property(q => q.MessageType).HasMaxLength(200);
            b.Property(q => q.Body).HasColumnType("jsonb");
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnalysisDbContext>
{
    public AnalysisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalysisDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
