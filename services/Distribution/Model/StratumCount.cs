namespace Medborgare.Distribution.Model;

/// <summary>What remains after the purge: counts per calibration cell, never a person.</summary>
public sealed class StratumCount
{
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public int Population { get; set; }
    public int Sampled { get; set; }
    public int Answered { get; set; }
}
