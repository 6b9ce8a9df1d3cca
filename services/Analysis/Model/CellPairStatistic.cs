namespace Medborgare.Analysis.Model;

/// <summary>
/// Cross sums of one (factor, overall index) pair in one calibration cell, over respondents with both values:
/// what the priority matrix's weighted least-squares slope needs, per cell.
/// </summary>
public sealed class CellPairStatistic
{
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public required string FactorKey { get; set; }
    public required string OverallKey { get; set; }
    public long N { get; set; }
    public double SumX { get; set; }
    public double SumY { get; set; }
    public double SumXX { get; set; }
    public double SumXY { get; set; }
    public double SumYY { get; set; }
}
