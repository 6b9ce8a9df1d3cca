using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class SurveyYearConfiguration : IEntityTypeConfiguration<SurveyYear>
{
    public void Configure(EntityTypeBuilder<SurveyYear> b)
    {
        b.ToTable("survey_years");
        b.HasKey(s => s.SurveyId);
        b.Property(s => s.SurveyId).ValueGeneratedNever();
        b.Property(s => s.MunicipalityCode).HasMaxLength(4).IsFixedLength();
        b.Property(s => s.TitleSv).HasMaxLength(200);
    }
}
