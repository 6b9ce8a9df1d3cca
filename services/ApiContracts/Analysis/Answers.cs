namespace Medborgare.ApiContracts.Analysis;

// What respondents and residents wrote (/api/surveys/{id}/free-text and /feedback): texts only, for analysts.

/// <summary>
/// The answers to one free-text question: only the texts, in random order, with nothing that says whose they are (no district,
/// sex, age group, date or response id), so that nobody can be singled out.
/// </summary>
public sealed record FreeTextAnswers(string Question, LocalizedText Text, IReadOnlyList<string> Answers);

/// <summary>An open feedback item (synpunkt) received in the survey's municipality: the text is already masked.</summary>
public sealed record FeedbackDto(Guid FeedbackId, string MaskedText, string Category, string? GoalArea, string? District, DateTimeOffset ReceivedAt);
