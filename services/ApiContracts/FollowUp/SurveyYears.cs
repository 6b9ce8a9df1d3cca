namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's survey years (/api/surveys).

public sealed record SurveyYearDto(Guid SurveyId, string MunicipalityCode, int Year, string TitleSv, DateTimeOffset PublishedAt, bool ResultsPublished);
