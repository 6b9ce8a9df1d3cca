using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class CitizenResultConfiguration : IEntityTypeConfiguration<CitizenResult>
{
    public void Configure(EntityTypeBuilder<CitizenResult> b)
    {
        b.ToTable("citizen_results");
        b.HasKey(r => r.Id);
        b.Property(r => r.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ChangeVsLastYear).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(r => new { r.MunicipalityCode, r.Year, r.Key }).IsUnique();
    }
}

sealed class CitizenPriorityConfiguration : IEntityTypeConfiguration<CitizenPriority>
{
    public void Configure(EntityTypeBuilder<CitizenPriority> b)
    {
        b.ToTable("citizen_priorities");
        b.HasKey(p => p.Id);
        b.Property(p => p.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(p => p.OverallKey).HasMaxLength(200);
        b.Property(p => p.FactorKey).HasMaxLength(200);
        b.Property(p => p.NameSv).HasMaxLength(500);
        b.Property(p => p.NameEn).HasMaxLength(500);
        b.Property(p => p.Quadrant).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(p => new { p.MunicipalityCode, p.Year, p.OverallKey, p.FactorKey }).IsUnique();
    }
}

sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("feedback");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(f => f.Category).HasMaxLength(100);
        b.Property(f => f.GoalArea).HasMaxLength(100);
        b.Property(f => f.District).HasMaxLength(100);
        b.Property(f => f.MaskedText).HasMaxLength(10000);
        b.HasIndex(f => new { f.GoalArea, f.ReceivedAt });
    }
}

sealed class FeedbackOutcomeConfiguration : IEntityTypeConfiguration<FeedbackOutcome>
{
    public void Configure(EntityTypeBuilder<FeedbackOutcome> b)
    {
        b.ToTable("feedback_outcomes");
        b.HasKey(o => o.FeedbackId);
        b.Property(o => o.FeedbackId).ValueGeneratedNever();
        b.Property(o => o.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(o => o.Category).HasMaxLength(100);
        b.Property(o => o.GoalArea).HasMaxLength(100);
        b.Property(o => o.Committee).HasMaxLength(200);
        b.HasIndex(o => new { o.MunicipalityCode, o.AnsweredAt });
    }
}
