using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Questionnaires;

/// <summary>One thing wrong with a questionnaire: where (a JSON-ish path), and what: a stable code with Swedish and English text.</summary>
public sealed record QuestionnaireProblem(string Path, FieldError Error)
{
    public string Code => Error.Code;
}

/// <summary>
/// Checks a questionnaire before it is saved or published and lists every problem at once: duplicate keys,
/// conditions on unknown or later questions, empty scales, missing Swedish texts, index items that are
/// not scale questions.
/// </summary>
public static class QuestionnaireValidator
{
    public static IReadOnlyList<QuestionnaireProblem> Validate(QuestionnaireSnapshot q)
    {
        var problems = new List<QuestionnaireProblem>();
        void Problem(string path, FieldError error) => problems.Add(new QuestionnaireProblem(path, error));
        void RequireSwedish(IReadOnlyDictionary<string, string>? texts, string path, ServiceText what)
        {
            if (texts is null || !texts.TryGetValue("sv", out var sv) || string.IsNullOrWhiteSpace(sv))
                Problem(path, new(SwedishTextMissing, $"{what.Sv} saknar svensk text.", $"{what.En} has no Swedish text."));
        }

        RequireSwedish(q.Title, "title", new("Enkätens titel", "The survey's title"));
        if (q.Sections is null || q.Sections.Count == 0) Problem("sections", new(NoSections, "Enkäten har inga avsnitt.", "The survey has no sections."));

        var seen = new Dictionary<string, QuestionSnapshot>(StringComparer.Ordinal);
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < (q.Sections?.Count ?? 0); s++)
        {
            var section = q.Sections![s];
            var sPath = $"sections[{s}]";
            if (string.IsNullOrWhiteSpace(section.Key)) Problem($"{sPath}.key", new(SectionKeyMissing, "Avsnittet saknar nyckel.", "The section has no key."));
            else if (!sectionKeys.Add(section.Key)) Problem($"{sPath}.key", new(SectionKeyTaken, $"Avsnittsnyckeln '{section.Key}' finns redan.", $"The section key '{section.Key}' is already used."));
            RequireSwedish(section.Title, $"{sPath}.title", new($"Avsnittet '{section.Key}'", $"The section '{section.Key}'"));
            if (section.Questions is null || section.Questions.Count == 0) Problem($"{sPath}.questions", new(SectionWithoutQuestions, $"Avsnittet '{section.Key}' har inga frågor.", $"The section '{section.Key}' has no questions."));

            for (var i = 0; i < (section.Questions?.Count ?? 0); i++)
            {
                var question = section.Questions![i];
                var path = $"{sPath}.questions[{i}]";
                ValidateQuestion(question, path, seen, Problem, RequireSwedish);
                if (!string.IsNullOrWhiteSpace(question.Key) && !seen.TryAdd(question.Key, question))
                    Problem($"{path}.key", new(QuestionKeyTaken, $"Frågenyckeln '{question.Key}' används mer än en gång.", $"The question key '{question.Key}' is used more than once."));
            }
        }

        ValidateIndices(q, seen, Problem, RequireSwedish);
        return problems;
    }

    static void ValidateQuestion(QuestionSnapshot question, string path, IReadOnlyDictionary<string, QuestionSnapshot> earlier,
        Action<string, FieldError> problem, Action<IReadOnlyDictionary<string, string>?, string, ServiceText> requireSwedish)
    {
        if (string.IsNullOrWhiteSpace(question.Key)) problem($"{path}.key", new(QuestionKeyMissing, "Frågan saknar nyckel.", "The question has no key."));
        requireSwedish(question.Text, $"{path}.text", new($"Frågan '{question.Key}'", $"The question '{question.Key}'"));

        switch (question.Type)
        {
            case QuestionType.Scale:
                if (question.Scale is null) problem($"{path}.scale", new(ScaleMissing, $"Skalfrågan '{question.Key}' saknar skala.", $"The scale question '{question.Key}' has no scale."));
                else
                {
                    if (question.Scale.Max <= question.Scale.Min)
                        problem($"{path}.scale", new(ScaleEmpty, $"Skalan i '{question.Key}' är tom: högsta värdet måste vara större än lägsta.",
                            $"The scale in '{question.Key}' is empty: the highest value must be greater than the lowest."));
                    requireSwedish(question.Scale.MinLabel, $"{path}.scale.minLabel", new($"Skalans lägsta värde i '{question.Key}'", $"The scale's lowest value in '{question.Key}'"));
                    requireSwedish(question.Scale.MaxLabel, $"{path}.scale.maxLabel", new($"Skalans högsta värde i '{question.Key}'", $"The scale's highest value in '{question.Key}'"));
                }
                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                if (question.Choices.Count < 2) problem($"{path}.choices", new(TooFewChoices, $"Flervalsfrågan '{question.Key}' behöver minst två svarsalternativ.", $"The choice question '{question.Key}' needs at least two options."));
                var values = new HashSet<string>(StringComparer.Ordinal);
                for (var c = 0; c < question.Choices.Count; c++)
                {
                    var choice = question.Choices[c];
                    if (string.IsNullOrWhiteSpace(choice.Value) || !values.Add(choice.Value))
                        problem($"{path}.choices[{c}].value", new(ChoiceValueInvalid, $"Svarsalternativet '{choice.Value}' i '{question.Key}' saknas eller finns redan.",
                            $"The option '{choice.Value}' in '{question.Key}' is missing or already used."));
                    requireSwedish(choice.Text, $"{path}.choices[{c}].text", new($"Svarsalternativet '{choice.Value}' i '{question.Key}'", $"The option '{choice.Value}' in '{question.Key}'"));
                }
                break;
        }

        if (question.Condition is { } condition)
        {
            if (!earlier.TryGetValue(condition.QuestionKey, out var source))
                problem($"{path}.condition", new(ConditionNotEarlier, $"Villkoret i '{question.Key}' gäller '{condition.QuestionKey}', som inte är en tidigare fråga.",
                    $"The condition in '{question.Key}' refers to '{condition.QuestionKey}', which is not an earlier question."));
            else if (source.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                foreach (var value in condition.AnyOf.Where(v => source.Choices.All(c => c.Value != v)))
                    problem($"{path}.condition", new(ConditionUnknownChoice, $"Villkoret i '{question.Key}' väntar svaret '{value}', som '{condition.QuestionKey}' inte har.",
                        $"The condition in '{question.Key}' expects the answer '{value}', which '{condition.QuestionKey}' does not have."));
            }
            if (condition.AnyOf.Count == 0) problem($"{path}.condition", new(ConditionEmpty, $"Villkoret i '{question.Key}' anger inget svar.", $"The condition in '{question.Key}' names no answer."));
        }
    }

    static void ValidateIndices(QuestionnaireSnapshot q, IReadOnlyDictionary<string, QuestionSnapshot> questions,
        Action<string, FieldError> problem, Action<IReadOnlyDictionary<string, string>?, string, ServiceText> requireSwedish)
    {
        var indexKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Indices.Count; i++)
        {
            var index = q.Indices[i];
            var path = $"indices[{i}]";
            if (!indexKeys.Add(index.Key)) problem($"{path}.key", new(IndexKeyTaken, $"Indexnyckeln '{index.Key}' finns redan.", $"The index key '{index.Key}' is already used."));
            requireSwedish(index.Name, $"{path}.name", new($"Index '{index.Key}'", $"The index '{index.Key}'"));
            if (index.ItemKeys.Count == 0) problem($"{path}.itemKeys", new(IndexWithoutItems, $"Index '{index.Key}' har inga frågor.", $"The index '{index.Key}' has no questions."));
            foreach (var item in index.ItemKeys)
            {
                if (!questions.TryGetValue(item, out var question))
                    problem($"{path}.itemKeys", new(IndexItemUnknown, $"Index '{index.Key}' bygger på '{item}', som inte är en fråga i enkäten.",
                        $"The index '{index.Key}' is built on '{item}', which is not a question in the survey."));
                else if (question.Type != QuestionType.Scale)
                    problem($"{path}.itemKeys", new(IndexItemNotScale, $"Index '{index.Key}' bygger på '{item}', som inte är en skalfråga.",
                        $"The index '{index.Key}' is built on '{item}', which is not a scale question."));
            }
        }
        foreach (var (index, i) in q.Indices.Select((x, i) => (x, i)))
        {
            if (index.Kind == IndexKind.Factor && (index.ParentKey is null || !indexKeys.Contains(index.ParentKey)))
                problem($"indices[{i}].parentKey", new(FactorWithoutParent, $"Faktorn '{index.Key}' hör inte till något helhetsindex i enkäten.",
                    $"The factor '{index.Key}' belongs to no overall index in the survey."));
        }
    }
}
