namespace Medborgare.Collection.Model;

/// <summary>
/// A submitted, anonymous response: the stratum from the invitation, the day, the answers. No code, no
/// hash, no invitation id; its id is random (v4), so ids do not follow the order of submission either.
/// </summary>
public sealed class Response
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public required string Channel { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public required string Answers { get; set; }
}
