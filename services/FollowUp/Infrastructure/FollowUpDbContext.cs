using Medborgare.FollowUp.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medborgare.FollowUp.Infrastructure;

public sealed class FollowUpDbContext(DbContextOptions<FollowUpDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<SurveyYear> SurveyYears => Set<SurveyYear>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<ManualValue> ManualValues => Set<ManualValue>();
    public DbSet<KeyFigureValue> KeyFigureValues => Set<KeyFigureValue>();
    public DbSet<KpiMetadata> Kpis => Set<KpiMetadata>();
    public DbSet<KeyFigureImport> KeyFigureImports => Set<KeyFigureImport>();
    public DbSet<CitizenResult> CitizenResults => Set<CitizenResult>();
    public DbSet<CitizenPriority> CitizenPriorities => Set<CitizenPriority>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<FeedbackOutcome> FeedbackOutcomes => Set<FeedbackOutcome>();
    public DbSet<GoalAssessment> GoalAssessments => Set<GoalAssessment>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<PlanActivity> PlanActivities => Set<PlanActivity>();
    public DbSet<AssignmentReport> AssignmentReports => Set<AssignmentReport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FollowUpDbContext).Assembly);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without a running server.</summary>
sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FollowUpDbContext>
{
    public FollowUpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FollowUpDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
