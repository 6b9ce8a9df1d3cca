using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.SourceKey).HasMaxLength(100);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Goal>().WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.GoalId, i.SortOrder });
    }
}

sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("indicator_targets");
        b.HasKey(t => new { t.IndicatorId, t.Period });
    }
}

sealed class ManualValueConfiguration : IEntityTypeConfiguration<ManualValue>
{
    public void Configure(EntityTypeBuilder<ManualValue> b)
    {
        b.ToTable("manual_values");
        b.HasKey(v => new { v.IndicatorId, v.Period });
        b.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.Property(v => v.EnteredBy).HasMaxLength(200);
    }
}
