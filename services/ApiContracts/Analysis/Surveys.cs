namespace Medborgare.ApiContracts.Analysis;

// The surveys Analysis knows (/api/surveys): those Distribution published, and the respondents counted so far.

/// <summary>A survey Analysis knows, for the year selector.</summary>
public sealed record AnalysedSurveyDto(Guid SurveyId, string MunicipalityCode, int Year, string TitleSv, DateTimeOffset PublishedAt);

/// <summary>Respondents counted so far, in total and per district (live during fieldwork).</summary>
public sealed record RespondentCount(long Respondents, IReadOnlyDictionary<string, long> ByDistrict);
