using Medborgare.Contracts;

namespace Medborgare.ApiContracts.Collection;

// Collection's open surveys (/api/surveys), readable by anyone.

public sealed record OpenSurvey(Guid SurveyId, string MunicipalityCode, int Year, string TitleSv, string? TitleEn, DateTimeOffset PublishedAt);

/// <summary>An open survey's frozen questionnaire.</summary>
public sealed record PublishedSurvey(Guid SurveyId, int Year, QuestionnaireSnapshot Questionnaire);
