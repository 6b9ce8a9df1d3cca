using Medborgare.Contracts;

namespace Medborgare.Web.Services.Resident;

/// <summary>
/// The way through a questionnaire for one resident's answers: which questions are shown, which pages (one per section,
/// numbered from 1) are shown, and where "next" and "previous" lead. The review page is number <see cref="ReviewPage"/>.
/// </summary>
/// <remarks>
/// Hidden questions follow Collection's AnswerValidator exactly: walking in questionnaire order, a question whose condition
/// is not met by the answers kept so far is hidden and its answer dropped. One addition: a question whose condition depends on a
/// question on the same page is shown, because without JavaScript the page cannot react to an answer before it is sent.
/// </remarks>
public sealed class QuestionnaireFlow
{
    readonly QuestionnaireSnapshot questionnaire;
    readonly Dictionary<string, int> sectionOf = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> order = new(StringComparer.Ordinal);
    readonly Dictionary<string, Answer> kept = new(StringComparer.Ordinal);

    public QuestionnaireFlow(QuestionnaireSnapshot questionnaire, IEnumerable<Answer> answers)
    {
        this.questionnaire = questionnaire;
        for (var s = 0; s < questionnaire.Sections.Count; s++)
        {
            foreach (var question in questionnaire.Sections[s].Questions)
            {
                sectionOf.TryAdd(question.Key, s + 1);
                order.TryAdd(question.Key, order.Count);
            }
        }
        foreach (var answer in answers) kept[answer.QuestionKey] = answer;
        foreach (var question in questionnaire.Sections.SelectMany(s => s.Questions))
        {
            if (!ConditionMet(question)) kept.Remove(question.Key);
        }
    }

    public int SectionCount => questionnaire.Sections.Count;
    public int ReviewPage => SectionCount + 1;

    /// <summary>The answers that count: those to questions that are not hidden by a condition.</summary>
    public IReadOnlyDictionary<string, Answer> Answers => kept;

    public SectionSnapshot Section(int page) => questionnaire.Sections[page - 1];

    public bool IsPage(int page) => page >= 1 && page <= SectionCount;

    public bool IsShown(QuestionSnapshot question) =>
        question.Condition is not { } condition
        || !sectionOf.TryGetValue(condition.QuestionKey, out var source) || source >= sectionOf[question.Key]
        || ConditionMet(question);

    public IReadOnlyList<QuestionSnapshot> ShownQuestions(int page) => Section(page).Questions.Where(IsShown).ToList();

    /// <summary>A page whose questions are all hidden is skipped.</summary>
    public bool IsShown(int page) => IsPage(page) && Section(page).Questions.Any(IsShown);

    public IReadOnlyList<int> ShownPages => Enumerable.Range(1, SectionCount).Where(IsShown).ToList();

    /// <summary>The first shown page after <paramref name="page"/>, or the review page.</summary>
    public int Next(int page)
    {
        for (var p = Math.Max(page + 1, 1); p <= SectionCount; p++)
        {
            if (IsShown(p)) return p;
        }
        return ReviewPage;
    }

    /// <summary>Where a resident continues: the saved page if it is shown, otherwise the next shown one (0, nothing saved: the first).</summary>
    public int Resume(int savedPage) => savedPage > SectionCount ? ReviewPage : IsShown(savedPage) ? savedPage : Next(savedPage);

    /// <summary>The last shown page before <paramref name="page"/>, or null at the start.</summary>
    public int? Previous(int page)
    {
        for (var p = Math.Min(page - 1, SectionCount); p >= 1; p--)
        {
            if (IsShown(p)) return p;
        }
        return null;
    }

    /// <summary>"Page 2 of 9": the place among the shown pages, and how many are shown with the answers so far.</summary>
    public (int Position, int Total) Progress(int page)
    {
        var shown = ShownPages;
        var position = shown.Count(p => p <= page);
        return (Math.Max(position, 1), Math.Max(shown.Count, 1));
    }

    /// <summary>Answers in questionnaire order, this page's replacing what was saved for its questions.</summary>
    public IReadOnlyList<Answer> Merge(IEnumerable<QuestionSnapshot> pageQuestions, IEnumerable<Answer> posted)
    {
        var replaced = pageQuestions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        return kept.Values.Where(a => !replaced.Contains(a.QuestionKey)).Concat(posted)
            .OrderBy(a => order.GetValueOrDefault(a.QuestionKey, int.MaxValue)).ToList();
    }

    bool ConditionMet(QuestionSnapshot question) =>
        question.Condition is not { } condition
        || (kept.TryGetValue(condition.QuestionKey, out var source) && source.Choices.Any(condition.AnyOf.Contains));
}
