namespace Medborgare.Collection.Model;

/// <summary>Synpunkt: open feedback from anyone. The text is stored masked; contact details only with consent.</summary>
public sealed class CitizenFeedback
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Category { get; set; }
    public string? GoalArea { get; set; }
    public string? District { get; set; }
    public required string MaskedText { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
}
