namespace Medborgare.Distribution.Model;

/// <summary>
/// One person of the population frame (urval ur folkbokföringen). Personal data: deleted by the purge,
/// after which only <see cref="StratumCount"/> rows remain.
/// </summary>
public sealed class FrameEntry
{
    public long Id { get; set; }
    public Guid SurveyId { get; set; }
    /// <summary>Line order in the uploaded file; the sample draw follows it, so a seed reproduces the draw.</summary>
    public int Ordinal { get; set; }
    public required string PersonId { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string PostalCode { get; set; }
    public required string Town { get; set; }
    public int BirthYear { get; set; }
    public required string Sex { get; set; }
    public required string District { get; set; }
    public required string AgeGroup { get; set; }
    public bool Sampled { get; set; }
}
