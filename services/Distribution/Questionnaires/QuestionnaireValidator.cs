using Medborgare.Contracts;

namespace Medborgare.Distribution.Questionnaires;

/// <summary>One thing wrong with a questionnaire: where (a JSON-ish path) and what, in Swedish.</summary>
public sealed record QuestionnaireProblem(string Path, string Message);

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
        void Problem(string path, string message) => problems.Add(new QuestionnaireProblem(path, message));
        void RequireSwedish(IReadOnlyDictionary<string, string>? texts, string path, string what)
        {
            if (texts is null || !texts.TryGetValue("sv", out var sv) || string.IsNullOrWhiteSpace(sv))
                Problem(path, $"{what} saknar svensk text.");
        }

        RequireSwedish(q.Title, "title", "Enkätens titel");
        if (q.Sections is null || q.Sections.Count == 0) Problem("sections", "Enkäten har inga avsnitt.");

        var seen = new Dictionary<string, QuestionSnapshot>(StringComparer.Ordinal);
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < (q.Sections?.Count ?? 0); s++)
        {
            var section = q.Sections![s];
            var sPath = $"sections[{s}]";
            if (string.IsNullOrWhiteSpace(section.Key)) Problem($"{sPath}.key", "Avsnittet saknar nyckel.");
            else if (!sectionKeys.Add(section.Key)) Problem($"{sPath}.key", $"Avsnittsnyckeln '{section.Key}' finns redan.");
            RequireSwedish(section.Title, $"{sPath}.title", $"Avsnittet '{section.Key}'");
            if (section.Questions is null || section.Questions.Count == 0) Problem($"{sPath}.questions", $"Avsnittet '{section.Key}' har inga frågor.");

            for (var i = 0; i < (section.Questions?.Count ?? 0); i++)
            {
                var question = section.Questions![i];
                var path = $"{sPath}.questions[{i}]";
                ValidateQuestion(question, path, seen, Problem, RequireSwedish);
                if (!string.IsNullOrWhiteSpace(question.Key) && !seen.TryAdd(question.Key, question))
                    Problem($"{path}.key", $"Frågenyckeln '{question.Key}' används mer än en gång.");
            }
        }

        ValidateIndices(q, seen, Problem, RequireSwedish);
        return problems;
    }

    static void ValidateQuestion(QuestionSnapshot question, string path, IReadOnlyDictionary<string, QuestionSnapshot> earlier,
        Action<string, string> problem, Action<IReadOnlyDictionary<string, string>?, string, string> requireSwedish)
    {
        if (string.IsNullOrWhiteSpace(question.Key)) problem($"{path}.key", "Frågan saknar nyckel.");
        requireSwedish(question.Text, $"{path}.text", $"Frågan '{question.Key}'");

        switch (question.Type)
        {
            case QuestionType.Scale:
                if (question.Scale is null) problem($"{path}.scale", $"Skalfrågan '{question.Key}' saknar skala.");
                else
                {
                    if (question.Scale.Max <= question.Scale.Min)
                        problem($"{path}.scale", $"Skalan i '{question.Key}' är tom: högsta värdet måste vara större än lägsta.");
                    requireSwedish(question.Scale.MinLabel, $"{path}.scale.minLabel", $"Skalans lägsta värde i '{question.Key}'");
                    requireSwedish(question.Scale.MaxLabel, $"{path}.scale.maxLabel", $"Skalans högsta värde i '{question.Key}'");
                }
                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                if (question.Choices.Count < 2) problem($"{path}.choices", $"Flervalsfrågan '{question.Key}' behöver minst två svarsalternativ.");
                var values = new HashSet<string>(StringComparer.Ordinal);
                for (var c = 0; c < question.Choices.Count; c++)
                {
                    var choice = question.Choices[c];
                    if (string.IsNullOrWhiteSpace(choice.Value) || !values.Add(choice.Value))
                        problem($"{path}.choices[{c}].value", $"Svarsalternativet '{choice.Value}' i '{question.Key}' saknas eller finns redan.");
                    requireSwedish(choice.Text, $"{path}.choices[{c}].text", $"Svarsalternativet '{choice.Value}' i '{question.Key}'");
                }
                break;
        }

        if (question.Condition is { } condition)
        {
            if (!earlier.TryGetValue(condition.QuestionKey, out var source))
                problem($"{path}.condition", $"Villkoret i '{question.Key}' gäller '{condition.QuestionKey}', som inte är en tidigare fråga.");
            else if (source.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
            {
                foreach (var value in condition.AnyOf.Where(v => source.Choices.All(c => c.Value != v)))
                    problem($"{path}.condition", $"Villkoret i '{question.Key}' väntar svaret '{value}', som '{condition.QuestionKey}' inte har.");
            }
            if (condition.AnyOf.Count == 0) problem($"{path}.condition", $"Villkoret i '{question.Key}' anger inget svar.");
        }
    }

    static void ValidateIndices(QuestionnaireSnapshot q, IReadOnlyDictionary<string, QuestionSnapshot> questions,
        Action<string, string> problem, Action<IReadOnlyDictionary<string, string>?, string, string> requireSwedish)
    {
        var indexKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Indices.Count; i++)
        {
            var index = q.Indices[i];
            var path = $"indices[{i}]";
            if (!indexKeys.Add(index.Key)) problem($"{path}.key", $"Indexnyckeln '{index.Key}' finns redan.");
            requireSwedish(index.Name, $"{path}.name", $"Index '{index.Key}'");
            if (index.ItemKeys.Count == 0) problem($"{path}.itemKeys", $"Index '{index.Key}' har inga frågor.");
            foreach (var item in index.ItemKeys)
            {
                if (!questions.TryGetValue(item, out var question))
                    problem($"{path}.itemKeys", $"Index '{index.Key}' bygger på '{item}', som inte är en fråga i enkäten.");
                else if (question.Type != QuestionType.Scale)
                    problem($"{path}.itemKeys", $"Index '{index.Key}' bygger på '{item}', som inte är en skalfråga.");
            }
        }
        foreach (var (index, i) in q.Indices.Select((x, i) => (x, i)))
        {
            if (index.Kind == IndexKind.Factor && (index.ParentKey is null || !indexKeys.Contains(index.ParentKey)))
                problem($"indices[{i}].parentKey", $"Faktorn '{index.Key}' hör inte till något helhetsindex i enkäten.");
        }
    }
}
