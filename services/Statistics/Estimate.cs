namespace Medborgare.Statistics;

/// <summary>A weighted mean over the valid values in a domain, with its linearisation SE and 95% CI.</summary>
public sealed record Estimate(double Mean, double StandardError, long N, double WeightSum)
{
    public const double Z95 = 1.96;
    public double CiLow => Mean - Z95 * StandardError;
    public double CiHigh => Mean + Z95 * StandardError;
}

public enum CellDimension { All, AgeGroup, Sex, District }

/// <summary>A domain made of whole calibration cells: everyone, one age group, one sex or one district (by index).</summary>
public readonly record struct CellDomain(CellDimension Dimension, int Value)
{
    public static readonly CellDomain All = new(CellDimension.All, 0);

    public bool Contains(int cell) => Dimension switch
    {
        CellDimension.All => true,
        CellDimension.AgeGroup => CalibratedWeights.SexAgeOf(cell) % 8 == Value,
        CellDimension.Sex => CalibratedWeights.SexAgeOf(cell) / 8 == Value,
        _ => CalibratedWeights.StratumOf(cell) == Value,
    };
}
