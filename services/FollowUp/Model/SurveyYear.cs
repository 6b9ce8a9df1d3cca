namespace Medborgare.FollowUp.Model;

/// <summary>A survey year the goal follow-up knows of; its results arrive when Analysis publishes them.</summary>
public sealed class SurveyYear
{
    public Guid SurveyId { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public required string TitleSv { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? ResultsPublishedAt { get; set; }
}
