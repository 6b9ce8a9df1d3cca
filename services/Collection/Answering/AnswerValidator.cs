using Medborgare.Contracts;

namespace Medborgare.Collection.Answering;

/// <summary>
/// Checks answers against the frozen questionnaire: unknown questions, wrong types, out-of-range values,
/// choices that do not exist, over-long or tag-bearing text. Answers to questions hidden by a condition are
/// dropped; on submission, visible required questions must be answered. Messages are Swedish, keyed by question.
/// </summary>
public static class AnswerValidator
{
    public const int MaxTextLength = 4000;

    public sealed record Result(IReadOnlyList<Answer> Answers, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Validate(QuestionnaireSnapshot questionnaire, IReadOnlyList<Answer>? answers, bool complete)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Key, StringComparer.Ordinal);
        var given = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var answer in answers ?? [])
        {
            if (answer?.QuestionKey is null || !questions.TryGetValue(answer.QuestionKey, out var question))
            {
                errors[answer?.QuestionKey ?? "answers"] = ["Det finns ingen sådan fråga i enkäten."];
                continue;
            }
            if (!given.TryAdd(answer.QuestionKey, answer))
            {
                errors[answer.QuestionKey] = ["Frågan är besvarad mer än en gång."];
                continue;
            }
            if (Check(question, answer) is { } problem) errors[answer.QuestionKey] = [problem];
        }

        // Walk in questionnaire order so that conditions see the answers to earlier questions.
        var kept = new List<Answer>();
        foreach (var question in questionnaire.Sections.SelectMany(s => s.Questions))
        {
            var visible = IsVisible(question, given);
            given.TryGetValue(question.Key, out var answer);
            if (!visible)
            {
                given.Remove(question.Key);
                continue;
            }
            if (answer is not null && !errors.ContainsKey(question.Key)) kept.Add(answer);
            else if (complete && question.Required && answer is null) errors[question.Key] = ["Frågan måste besvaras."];
        }
        return new Result(kept, errors);
    }

    public static bool IsVisible(QuestionSnapshot question, IReadOnlyDictionary<string, Answer> answers) =>
        question.Condition is not { } condition
        || (answers.TryGetValue(condition.QuestionKey, out var source) && source.Choices.Any(condition.AnyOf.Contains));

    static string? Check(QuestionSnapshot question, Answer answer)
    {
        var choices = answer.Choices ?? [];
        switch (question.Type)
        {
            case QuestionType.Scale:
                if (choices.Count > 0 || answer.Text is not null) return "Svaret ska vara ett värde på skalan.";
                var scale = question.Scale!;
                if (answer.Number is null) return scale.AllowDontKnow ? null : "Välj ett värde på skalan.";
                if (answer.Number != decimal.Truncate(answer.Number.Value) || answer.Number < scale.Min || answer.Number > scale.Max)
                    return $"Välj ett värde från {scale.Min} till {scale.Max}.";
                return null;
            case QuestionType.SingleChoice:
                if (answer.Number is not null || answer.Text is not null || choices.Count != 1) return "Välj ett av svarsalternativen.";
                return question.Choices.Any(c => c.Value == choices[0]) ? null : "Svarsalternativet finns inte.";
            case QuestionType.MultipleChoice:
                if (answer.Number is not null || answer.Text is not null) return "Välj bland svarsalternativen.";
                if (choices.Distinct().Count() != choices.Count) return "Ett svarsalternativ är valt två gånger.";
                return choices.All(v => question.Choices.Any(c => c.Value == v)) ? null : "Svarsalternativet finns inte.";
            case QuestionType.Number:
                if (choices.Count > 0 || answer.Text is not null) return "Svaret ska vara ett tal.";
                return answer.Number is null or (>= -1_000_000_000m and <= 1_000_000_000m) ? null : "Talet är orimligt stort.";
            case QuestionType.FreeText:
                if (answer.Number is not null || choices.Count > 0) return "Svaret ska vara text.";
                return TextProblem(answer.Text);
            default:
                return "Okänd frågetyp.";
        }
    }

    /// <summary>Free text is plain text: no markup and no control characters, at most <see cref="MaxTextLength"/> characters.</summary>
    public static string? TextProblem(string? text)
    {
        if (text is null) return null;
        if (text.Length > MaxTextLength) return $"Texten får vara högst {MaxTextLength} tecken.";
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return "Texten innehåller otillåtna tecken.";
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?')) return "Texten får inte innehålla HTML-kod.";
        }
        return null;
    }
}
