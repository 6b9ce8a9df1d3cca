namespace Medborgare.Statistics;

/// <summary>
/// Converged calibrated weights per cell, with everything the linearisation variance needs. Cells are laid out
/// stratum-major: cell = stratum × 16 + sex-age index (<see cref="Demography.SexAgeIndex"/>), over the strata
/// (districts) that have respondents. Every respondent in a cell has the same d, g and w = g·d.
/// </summary>
public sealed class CalibratedWeights
{
    internal CalibratedWeights(IReadOnlyList<string> districts, long[] stratumRespondents, double[] stratumPopulation,
        long[] respondents, int[] group, string[] groupLabels, double[] g)
    {
        Districts = districts;
        StratumRespondents = stratumRespondents;
        StratumPopulation = stratumPopulation;
        Respondents = respondents;
        Group = group;
        GroupLabels = groupLabels;
        G = g;
        var cells = respondents.Length;
        DesignWeight = new double[cells];
        Weight = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            var h = c / Demography.SexAgeCount;
            DesignWeight[c] = stratumPopulation[h] / stratumRespondents[h];
            Weight[c] = respondents[c] > 0 ? DesignWeight[c] * g[c] : 0;
        }
        districtIndex = districts.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        Projection = new CalibrationProjection(this);
    }

    readonly Dictionary<string, int> districtIndex;

    public IReadOnlyList<string> Districts { get; }
    public int CellCount => Respondents.Length;
    public long[] StratumRespondents { get; }
    public double[] StratumPopulation { get; }
    /// <summary>r_c per cell.</summary>
    public long[] Respondents { get; }
    /// <summary>The calibration (sex × age group) margin category of each cell after collapsing; -1 when the cell has no respondents.</summary>
    public int[] Group { get; }
    public string[] GroupLabels { get; }
    /// <summary>d = N_h / r_h per cell.</summary>
    public double[] DesignWeight { get; }
    /// <summary>Calibration factor g per cell (1 where the cell has no respondents).</summary>
    public double[] G { get; }
    /// <summary>w = g·d per cell (0 where the cell has no respondents).</summary>
    public double[] Weight { get; }

    internal CalibrationProjection Projection { get; }

    public static int StratumOf(int cell) => cell / Demography.SexAgeCount;
    public static int SexAgeOf(int cell) => cell % Demography.SexAgeCount;

    /// <summary>The cell's index, or -1 when its district is not calibrated or its codes are unknown.</summary>
    public int IndexOf(Cell cell)
    {
        var s = Demography.SexAgeIndex(cell.Sex, cell.AgeGroup);
        return s < 0 || !districtIndex.TryGetValue(cell.District, out var h) ? -1 : h * Demography.SexAgeCount + s;
    }

    public Cell CellAt(int index)
    {
        var s = SexAgeOf(index);
        return new Cell(Districts[StratumOf(index)], Demography.Sexes[s / Demography.AgeGroups.Count], Demography.AgeGroups[s % Demography.AgeGroups.Count]);
    }
}
