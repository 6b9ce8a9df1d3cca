namespace Medborgare.Collection.Model;

/// <summary>
/// An invitation as Collection knows it: the code's salted hash and the stratum, never the code itself
/// and never a person. Whether it was used lives in <see cref="Submission"/>.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public required string CodeHash { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public DateOnly ValidUntil { get; set; }
}
