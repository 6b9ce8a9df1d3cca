namespace Medborgare.Analysis.Model;

/// <summary>Open feedback (synpunkt) as received; personal data in the text was masked by Collection.</summary>
public sealed class CitizenFeedback
{
    public Guid FeedbackId { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Category { get; set; }
    public string? GoalArea { get; set; }
    public string? District { get; set; }
    public required string MaskedText { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
