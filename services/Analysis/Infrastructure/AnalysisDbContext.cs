using Medborgare.Analysis.Model;
using Medborgare.Messaging;
using Medborgare.Messaging.Quarantine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.Analysis.Infrastructure;

public sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : DbContext(options), IMessagingDbContext
{
    /// <summary>Tuples up to this size are neither compressed nor moved out of line (the default is about 2 kB).</summary>
    const int ToastTupleTarget = 4080;

    public DbSet<AnalysedSurvey> Surveys => Set<AnalysedSurvey>();
    public DbSet<AnalysedResponse> Responses => Set<AnalysedResponse>();
    public DbSet<CellSufficientStatistics> CellStatistics => Set<CellSufficientStatistics>();
    public DbSet<StatisticsRebuild> StatisticsRebuilds => Set<StatisticsRebuild>();
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
        modelBuilder.Entity<CellSufficientStatistics>(b =>
        {
            b.ToTable("cell_statistics");
            // A row of the default questionnaire is about 3.6 kB (the counts compress, the sums do not): half a page. Inserting
            // to half full leaves room for the next version beside the old one, so the updates every batch makes stay HOT (no
            // index entry, no new page). The arrays are STORAGE MAIN and toast_tuple_target is raised (see the migration): they
            // stay in the row, compressed if need be, instead of moving to the TOAST table and costing more writes per update.
            b.HasStorageParameter("fillfactor", 50);
            b.HasStorageParameter("toast_tuple_target", ToastTupleTarget);
            b.HasKey(c => new { c.SurveyId, c.District, c.Sex, c.AgeGroup });
            b.Property(c => c.District).HasMaxLength(100);
            b.Property(c => c.Sex).HasMaxLength(1);
            b.Property(c => c.AgeGroup).HasMaxLength(10);
        });
        modelBuilder.Entity<StatisticsRebuild>(b =>
        {
            b.ToTable("statistics_rebuilds");
            b.HasKey(r => r.SurveyId);
            b.Property(r => r.SurveyId).ValueGeneratedNever();
            b.Property(r => r.Reason).HasMaxLength(200);
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
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnalysisDbContext>
{
    public AnalysisDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AnalysisDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
