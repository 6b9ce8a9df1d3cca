using System.Text.Json.Serialization;

namespace Medborgare.ApiContracts.Distribution;

// Distribution's surveys (/api/surveys): created as drafts, published (the questionnaire frozen), closed, then purged.

// Enums travel as their names, whoever serializes them.
[JsonConverter(typeof(JsonStringEnumConverter<SurveyStatus>))]
public enum SurveyStatus { Draft, Published, Closed }

/// <summary>What a new survey's questionnaire starts from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyTemplate>))]
public enum SurveyTemplate { Default, CopyLastYear, Empty }

/// <summary>A new draft; without a municipality code the deployment's own is used.</summary>
public sealed record CreateSurveyRequest(string? MunicipalityCode, int? Year, string? TitleSv, string? TitleEn,
    SurveyTemplate Template = SurveyTemplate.Default, DateOnly? AnswerBy = null);

public sealed record CloseSurveyRequest(int? RetentionDays);

public sealed record SurveyDto(Guid Id, string MunicipalityCode, int Year, string TitleSv, string? TitleEn, SurveyStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ClosedAt, DateTimeOffset? PurgedAt, int RetentionDays, DateOnly? AnswerBy)
{
    public bool IsDraft => Status == SurveyStatus.Draft;
    public bool IsPublished => Status == SurveyStatus.Published;
    public bool IsClosed => Status == SurveyStatus.Closed;
    public bool IsPurged => PurgedAt is not null;
    /// <summary>Gallring: when names, addresses and codes are (or were) due to be deleted.</summary>
    public DateTimeOffset? PurgeDueAt => ClosedAt?.AddDays(RetentionDays);
    public bool IsPurgeDue(DateTimeOffset now) => IsClosed && !IsPurged && PurgeDueAt <= now;
    public string Title(string language) => language == "en" && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleSv;
}
