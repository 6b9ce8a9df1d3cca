namespace Medborgare.Statistics;

/// <summary>Population counts per calibration cell from the frame (what <c>PopulationMarginsRegistered</c> carries).</summary>
public sealed class PopulationMargins
{
    readonly Dictionary<Cell, long> counts = [];

    public PopulationMargins(IEnumerable<KeyValuePair<Cell, long>> cells)
    {
        foreach (var (cell, count) in cells)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(cells), $"Negative population count in {cell}.");
            if (Demography.SexAgeIndex(cell.Sex, cell.AgeGroup) < 0)
                throw new ArgumentException($"Unknown sex or age group in {cell}.", nameof(cells));
            counts[cell] = counts.GetValueOrDefault(cell) + count;
        }
    }

    public IReadOnlyDictionary<Cell, long> Counts => counts;

    /// <summary>The districts (strata), in ordinal order: this order is the stratum order everywhere.</summary>
    public IReadOnlyList<string> Districts => [.. counts.Keys.Select(c => c.District).Distinct().Order(StringComparer.Ordinal)];
}
