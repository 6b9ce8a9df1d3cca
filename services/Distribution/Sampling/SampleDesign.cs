namespace Medborgare.Distribution.Sampling;

/// <summary>Urvalsdesign: how many to draw, and how the draw is spread over the strata (districts).</summary>
public sealed record SampleDesign
{
    public SampleAllocation Allocation { get; }
    /// <summary>The total n (proportional) or the n per stratum (fixed).</summary>
    public int Size { get; }

    SampleDesign(SampleAllocation allocation, int size)
    {
        if (size < 1) throw new ArgumentException($"The sample size must be at least 1, not {size}.", nameof(size));
        (Allocation, Size) = (allocation, size);
    }

    public static SampleDesign Proportional(int totalSize) => new(SampleAllocation.Proportional, totalSize);

    public static SampleDesign FixedPerStratum(int sizePerStratum) => new(SampleAllocation.FixedPerStratum, sizePerStratum);
}
