namespace Medborgare.Collection.Model;

/// <summary>A published survey that residents can answer, with its frozen questionnaire.</summary>
public sealed class OpenSurvey
{
    public Guid SurveyId { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    /// <summary>The questionnaire snapshot from SurveyPublished, as JSON.</summary>
    public required string Questionnaire { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>From InvitationsIssued: an entered code is hashed with it to find its invitation.</summary>
    public string? CodeSalt { get; set; }
}
