using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;

namespace Medborgare.Collection.Answering;

/// <summary>
/// Checks answers against the frozen questionnaire: unknown questions, wrong types, out-of-range values,
/// choices that do not exist, over-long or tag-bearing text. Answers to questions hidden by a condition are
/// dropped; on submission, visible required questions must be answered. Each error has a code and a Swedish and English text,
/// keyed by question.
/// </summary>
public static class AnswerValidator
{
    public const int MaxTextLength = 4000;

    public sealed record Result(IReadOnlyList<Answer> Answers, IReadOnlyDictionary<string, FieldError[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Validate(QuestionnaireSnapshot questionnaire, IReadOnlyList<Answer>? answers, bool complete)
    {
        var errors = new Dictionary<string, FieldError[]>();
        var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Key, StringComparer.Ordinal);
        var given = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var answer in answers ?? [])
        {
            if (answer?.QuestionKey is null || !questions.TryGetValue(answer.QuestionKey, out var question))
            {
                errors[answer?.QuestionKey ?? "answers"] = [new(UnknownQuestion, "Det finns ingen sådan fråga i enkäten.", "The survey has no such question.")];
                continue;
            }
            if (!given.TryAdd(answer.QuestionKey, answer))
            {
                errors[answer.QuestionKey] = [new(AnsweredTwice, "Frågan är besvarad mer än en gång.", "The question is answered more than once.")];
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
            else if (complete && question.Required && answer is null) errors[question.Key] = [new(Required, "Frågan måste besvaras.", "The question must be answered.")];
        }
        return new Result(kept, errors);
    }

    public static bool IsVisible(QuestionSnapshot question, IReadOnlyDictionary<string, Answer> answers) =>
        question.Condition is not { } condition
        || (answers.TryGetValue(condition.QuestionKey, out var source) && source.Choices.Any(condition.AnyOf.Contains));

    static FieldError? Check(QuestionSnapshot question, Answer answer)
    {
        var choices = answer.Choices ?? [];
        switch (question.Type)
        {
            case QuestionType.Scale:
                if (choices.Count > 0 || answer.Text is not null) return new(ScaleValueExpected, "Svaret ska vara ett värde på skalan.", "The answer must be a value on the scale.");
                var scale = question.Scale!;
                if (answer.Number is null) return scale.AllowDontKnow ? null : new(ScaleValueRequired, "Välj ett värde på skalan.", "Choose a value on the scale.");
                if (answer.Number != decimal.Truncate(answer.Number.Value) || answer.Number < scale.Min || answer.Number > scale.Max)
                    return new(OutsideScale, $"Välj ett värde från {scale.Min} till {scale.Max}.", $"Choose a value from {scale.Min} to {scale.Max}.");
                return null;
            case QuestionType.SingleChoice:
                if (answer.Number is not null || answer.Text is not null || choices.Count != 1) return new(OneChoiceExpected, "Välj ett av svarsalternativen.", "Choose one of the options.");
                return question.Choices.Any(c => c.Value == choices[0]) ? null : new(UnknownChoice, "Svarsalternativet finns inte.", "There is no such option.");
            case QuestionType.MultipleChoice:
                if (answer.Number is not null || answer.Text is not null) return new(ChoicesExpected, "Välj bland svarsalternativen.", "Choose from the options.");
                if (choices.Distinct().Count() != choices.Count) return new(ChoiceTwice, "Ett svarsalternativ är valt två gånger.", "An option is chosen twice.");
                return choices.All(v => question.Choices.Any(c => c.Value == v)) ? null : new(UnknownChoice, "Svarsalternativet finns inte.", "There is no such option.");
            case QuestionType.Number:
                if (choices.Count > 0 || answer.Text is not null) return new(NumberExpected, "Svaret ska vara ett tal.", "The answer must be a number.");
                return answer.Number is null or (>= -1_000_000_000m and <= 1_000_000_000m) ? null : new(NumberOutOfRange, "Talet är orimligt stort.", "The number is unreasonably large.");
            case QuestionType.FreeText:
                if (answer.Number is not null || choices.Count > 0) return new(TextExpected, "Svaret ska vara text.", "The answer must be text.");
                return TextProblem(answer.Text);
            default:
                return new(UnknownQuestionType, "Okänd frågetyp.", "Unknown question type.");
        }
    }

    /// <summary>Free text is plain text: no markup and no control characters, at most <see cref="MaxTextLength"/> characters.</summary>
    public static FieldError? TextProblem(string? text)
    {
        if (text is null) return null;
        if (text.Length > MaxTextLength) return new(TextTooLong, $"Texten får vara högst {MaxTextLength} tecken.", $"The text may be at most {MaxTextLength} characters.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return new(TextControlCharacters, "Texten innehåller otillåtna tecken.", "The text contains characters that are not allowed.");
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (char.IsLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?')) return new(TextMarkup, "Texten får inte innehålla HTML-kod.", "The text must not contain HTML code.");
        }
        return null;
    }
}
