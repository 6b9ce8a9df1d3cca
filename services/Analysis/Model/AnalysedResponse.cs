namespace Medborgare.Analysis.Model;

/// <summary>A raw anonymous response, kept for re-computation, microdata export and breakdowns by non-cell variables.</summary>
public sealed class AnalysedResponse
{
    public Guid ResponseId { get; set; }
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public required string Channel { get; set; }
    public DateOnly SubmittedOn { get; set; }
    /// <summary>The answers as JSON.</summary>
    public required string Answers { get; set; }
}
