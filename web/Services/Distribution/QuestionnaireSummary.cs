using Medborgare.Contracts;

namespace Medborgare.Web.Services.Distribution;

/// <summary>What the analyst's survey page says about a questionnaire: its size, and its sections' titles in the page's language.</summary>
public static class QuestionnaireSummary
{
    public static int QuestionCount(this QuestionnaireSnapshot questionnaire) => questionnaire.Sections.Sum(s => s.Questions.Count);

    public static string TitleIn(this SectionSnapshot section, string language) =>
        section.Title.GetValueOrDefault(language) ?? section.Title.GetValueOrDefault("sv") ?? section.Key;
}
