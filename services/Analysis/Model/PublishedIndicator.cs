namespace Medborgare.Analysis.Model;

/// <summary>
/// One figure of a survey's published results: the snapshot taken when the analyst published. Later years'
/// trends and year-over-year comparisons read these, never the live (preliminary) figures.
/// </summary>
public sealed class PublishedIndicator
{
    public Guid SurveyId { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public double Value { get; set; }
    public double StandardError { get; set; }
    public long N { get; set; }
    public double Mean { get; set; }
    public double MeanStandardError { get; set; }
}
