namespace Medborgare.Analysis.Model;

/// <summary>The frame's population count in one calibration cell (district × sex × age group) of a survey.</summary>
public sealed class PopulationMarginCell
{
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public long Count { get; set; }
}
