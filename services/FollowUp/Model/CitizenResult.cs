using Medborgare.Contracts;

namespace Medborgare.FollowUp.Model;

/// <summary>One published survey indicator for a year (from SurveyResultsPublished). Only published results reach this table.</summary>
public sealed class CitizenResult
{
    public long Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public required string Key { get; set; }
    public Guid SurveyId { get; set; }
    public IndicatorKind Kind { get; set; }
    public double Value { get; set; }
    public double CiLow { get; set; }
    public double CiHigh { get; set; }
    public int N { get; set; }
    public ChangeSignificance ChangeVsLastYear { get; set; }
    public double? PreviousValue { get; set; }
    public List<string> GoalAreaTags { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>When Analysis published the figures (the message's time), to keep the latest publication of a year.</summary>
    public DateTimeOffset SourcePublishedAt { get; set; }
}

/// <summary>Open feedback (synpunkt) as Collection sent it: personal data already masked.</summary>
public sealed class Feedback
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public required string Category { get; set; }
    public string? GoalArea { get; set; }
    public string? District { get; set; }
    public required string MaskedText { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>One factor of a published year's priority matrix (from SurveyResultsPublished): what residents would most like improved.</summary>
public sealed class CitizenPriority
{
    public long Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public int Year { get; set; }
    public Guid SurveyId { get; set; }
    public required string OverallKey { get; set; }
    public required string FactorKey { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public double Score { get; set; }
    public double Effect { get; set; }
    public int N { get; set; }
    public PriorityQuadrant Quadrant { get; set; }
    public List<string> GoalAreaTags { get; set; } = [];
}
