using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("assignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Text).HasMaxLength(4000);
        b.Property(a => a.GivenBy).HasMaxLength(200);
        b.Property(a => a.ResponsibleCommittee).HasMaxLength(200);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.PromptIndicatorKey).HasMaxLength(100);
        b.Property(a => a.PromptOverallKey).HasMaxLength(100);
        b.Property(a => a.PromptFactorKey).HasMaxLength(100);
        b.Property(a => a.PromptFactorName).HasMaxLength(200);
        b.Property(a => a.CreatedBy).HasMaxLength(200);
        // A goal with uppdrag cannot be deleted: the uppdrag are the politicians' record.
        b.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MunicipalityCode, a.GoalId });
    }
}

sealed class PlanActivityConfiguration : IEntityTypeConfiguration<PlanActivity>
{
    public void Configure(EntityTypeBuilder<PlanActivity> b)
    {
        b.ToTable("plan_activities", t => t.HasCheckConstraint("ck_plan_activities_one_owner", "(assignment_id IS NULL) <> (goal_id IS NULL)"));
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Assignment>().WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Goal>().WithMany().HasForeignKey(a => a.GoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.AssignmentId);
        b.HasIndex(a => a.GoalId);
    }
}

sealed class AssignmentReportConfiguration : IEntityTypeConfiguration<AssignmentReport>
{
    public void Configure(EntityTypeBuilder<AssignmentReport> b)
    {
        b.ToTable("assignment_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Period).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Done).HasMaxLength(8000);
        b.Property(r => r.WrittenBy).HasMaxLength(200);
        b.HasOne<Assignment>().WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AssignmentId, r.Year, r.Period }).IsUnique();
    }
}
