namespace Medborgare.Statistics;

public enum SuppressionReason
{
    None,
    /// <summary>Fewer valid answers than the threshold (or none at all).</summary>
    Primary,
    /// <summary>Hidden so that a primary suppressed group cannot be recovered from the total and the other groups.</summary>
    Secondary,
}

/// <summary>
/// Röjandeskydd: a group with fewer than <see cref="Threshold"/> valid answers shows no estimate. The threshold
/// is never below 10: a lower value is refused (ArgumentOutOfRangeException), not silently raised, so a
/// misconfiguration is seen.
/// </summary>
public sealed record SuppressionOptions
{
    public const int Minimum = 10;
    readonly int threshold = 30;

    public int Threshold
    {
        get => threshold;
        init => threshold = value >= Minimum ? value
            : throw new ArgumentOutOfRangeException(nameof(Threshold), value, $"The suppression threshold is never below {Minimum}.");
    }
}

public static class Suppression
{
    /// <summary>
    /// Primary suppression below the threshold; then, when exactly one group with answers is suppressed, it could
    /// be recovered by subtraction from the total, so the next smallest shown group with answers is hidden too.
    /// </summary>
    public static SuppressionReason[] Apply(IReadOnlyList<long> groupCounts, SuppressionOptions? options = null)
    {
        var threshold = (options ?? new SuppressionOptions()).Threshold;
        var reasons = new SuppressionReason[groupCounts.Count];
        for (var i = 0; i < reasons.Length; i++) reasons[i] = groupCounts[i] < threshold ? SuppressionReason.Primary : SuppressionReason.None;

        var recoverable = Enumerable.Range(0, reasons.Length).Count(i => reasons[i] == SuppressionReason.Primary && groupCounts[i] > 0);
        if (recoverable != 1) return reasons;
        var next = Enumerable.Range(0, reasons.Length).Where(i => reasons[i] == SuppressionReason.None)
            .OrderBy(i => groupCounts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault();
        if (next is { } j) reasons[j] = SuppressionReason.Secondary;
        return reasons;
    }
}
