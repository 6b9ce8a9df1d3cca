using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.ToTable("goals");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
        b.Property(g => g.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.Code).HasMaxLength(50);
        b.Property(g => g.Title).HasMaxLength(300);
        b.Property(g => g.Text).HasMaxLength(4000);
        b.Property(g => g.ResponsibleBody).HasMaxLength(200);
        b.Property(g => g.PublishedResponsibility).HasMaxLength(600);
        // A parent cannot be deleted while it has children: the API says so with a 409.
        b.HasOne<Goal>().WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => new { g.MunicipalityCode, g.Code }).IsUnique().HasFilter("code IS NOT NULL");
        b.HasIndex(g => new { g.ParentId, g.SortOrder });
    }
}

sealed class GoalAssessmentConfiguration : IEntityTypeConfiguration<GoalAssessment>
{
    public void Configure(EntityTypeBuilder<GoalAssessment> b)
    {
        b.ToTable("goal_assessments");
        b.HasKey(a => new { a.GoalId, a.Period });
        b.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Proposed).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Override).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ProposedBy).HasMaxLength(200);
        b.Property(a => a.OverriddenBy).HasMaxLength(200);
        b.Property(a => a.AnalysisText).HasMaxLength(8000);
        b.Ignore(a => a.Effective);
    }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserName).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.Detail).HasMaxLength(2000);
    }
}
