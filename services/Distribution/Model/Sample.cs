namespace Medborgare.Distribution.Model;

/// <summary>The drawn sample: its design and seed are recorded so that the draw can be reproduced.</summary>
public sealed class Sample
{
    public Guid SurveyId { get; set; }
    public long Seed { get; set; }
    /// <summary>"proportional" or "fixed".</summary>
    public required string Allocation { get; set; }
    /// <summary>Total n for a proportional design, n per stratum for a fixed one.</summary>
    public int Size { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public int FrameSize { get; set; }
    public int SampleSize { get; set; }
}
