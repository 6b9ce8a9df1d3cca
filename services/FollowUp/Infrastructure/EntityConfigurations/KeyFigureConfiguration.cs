using System.Text.Json;
using System.Text.Json.Serialization;
using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medborgare.FollowUp.Infrastructure.EntityConfigurations;

sealed class KeyFigureValueConfiguration : IEntityTypeConfiguration<KeyFigureValue>
{
    public void Configure(EntityTypeBuilder<KeyFigureValue> b)
    {
        b.ToTable("key_figure_values");
        // The upsert key: a re-import replaces, never duplicates.
        b.HasKey(v => new { v.Kpi, v.Municipality, v.Period, v.Gender });
        b.Property(v => v.Kpi).HasMaxLength(20);
        b.Property(v => v.Municipality).HasMaxLength(10);
        b.Property(v => v.Gender).HasMaxLength(1).IsFixedLength();
        b.Property(v => v.Status).HasMaxLength(50);
    }
}

sealed class KpiMetadataConfiguration : IEntityTypeConfiguration<KpiMetadata>
{
    public void Configure(EntityTypeBuilder<KpiMetadata> b)
    {
        b.ToTable("kpis");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(20);
        b.Property(k => k.Title).HasMaxLength(500);
        b.Property(k => k.MunicipalityType).HasMaxLength(10);
        b.Property(k => k.OperatingArea).HasMaxLength(500);
    }
}

sealed class KeyFigureImportConfiguration : IEntityTypeConfiguration<KeyFigureImport>
{
    static readonly JsonSerializerOptions FailureJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<KeyFigureImport> b)
    {
        b.ToTable("key_figure_imports");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Kind).HasMaxLength(10);
        b.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.SourceUrl).HasMaxLength(2000);
        // The code and its parts, not a sentence: the text is worded in the reader's language when the import is read.
        b.Property(i => i.Failure).HasColumnType("jsonb").HasConversion(
            f => JsonSerializer.Serialize(f, FailureJson),
            json => JsonSerializer.Deserialize<ImportFailure>(json, FailureJson));
        b.Property(i => i.StartedBy).HasMaxLength(200);
        b.HasIndex(i => i.StartedAt);
    }
}
