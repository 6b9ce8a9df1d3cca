using Medborgare.ApiContracts.Analysis;

namespace Medborgare.Web.Services.Analysis;

// Texts the results pages need that Analysis does not send: read from the questionnaire Distribution keeps (see
// AnalysisClient.GetQuestionTextsAsync). The results themselves are Medborgare.ApiContracts.Analysis's records.

/// <summary>A free-text question of the survey's questionnaire, for choosing whose answers to read.</summary>
public sealed record FreeTextQuestion(string Key, LocalizedText Text);

/// <summary>Texts from the questionnaire that the results do not carry: the free-text questions and the choice questions' options.</summary>
public sealed record QuestionTexts(IReadOnlyList<FreeTextQuestion> FreeText,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalizedText>> ChoiceTexts)
{
    public static QuestionTexts None { get; } = new([], new Dictionary<string, IReadOnlyDictionary<string, LocalizedText>>());

    public IReadOnlyDictionary<string, string>? ChoicesIn(string questionKey, string language) =>
        ChoiceTexts.GetValueOrDefault(questionKey)?.ToDictionary(c => c.Key, c => c.Value.In(language));
}
