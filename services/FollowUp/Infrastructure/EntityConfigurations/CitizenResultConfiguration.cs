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
