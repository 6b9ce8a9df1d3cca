using System.Globalization;
using System.Text;
using Medborgare.Contracts;
using Microsoft.Extensions.Primitives;

namespace Medborgare.Web.Services.Resident;

/// <summary>What is wrong with a posted answer before it is sent to Collection.</summary>
public enum AnswerProblem { Required, NotANumber, NotOnScale, NotAChoice }

/// <summary>
/// The questionnaire page's form: one field per question named <c>q.&lt;key&gt;</c>, element ids derived from the key, and the
/// posted values read back into <see cref="Answer"/>s. For a Scale question an empty value is "vet ej / ingen åsikt" (an answer
/// without a number); no value at all is no answer.
/// </summary>
public static class AnswerForm
{
    public const string DontKnowValue = "";
    /// <summary>Collection's limit for free text (AnswerValidator.MaxTextLength).</summary>
    public const int MaxTextLength = 4000;

    public static string FieldName(string questionKey) => "q." + questionKey;

    /// <summary>A valid, readable element id: "q-" and the key with anything but ASCII letters, digits, '-' and '_' as '-'.</summary>
    public static string Id(string questionKey)
    {
        var id = new StringBuilder("q-", questionKey.Length + 2);
        foreach (var c in questionKey) id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return id.ToString();
    }

    /// <summary>The id of a radio or checkbox: the question's id and the option's index (0 is the first option).</summary>
    public static string OptionId(string questionKey, int index) => $"{Id(questionKey)}-{index}";

    public static string DontKnowId(string questionKey) => Id(questionKey) + "-vet-ej";

    /// <summary>Where the error summary sends the resident: the text field, or the first option of a group.</summary>
    public static string FirstFieldId(QuestionSnapshot question) =>
        question.Type is QuestionType.Number or QuestionType.FreeText ? Id(question.Key) : OptionId(question.Key, 0);

    public sealed record Posted(IReadOnlyList<Answer> Answers, IReadOnlyDictionary<string, string> Raw, IReadOnlyDictionary<string, AnswerProblem> Problems);

    /// <summary>Reads this page's questions from the form. <see cref="Posted.Raw"/> keeps typed text that is not a valid answer.</summary>
    public static Posted Read(IFormCollection form, IEnumerable<QuestionSnapshot> questions)
    {
        var answers = new List<Answer>();
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new Dictionary<string, AnswerProblem>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var values = form.TryGetValue(FieldName(question.Key), out var v) ? v : StringValues.Empty;
            var (answer, problem) = Parse(question, values);
            if (answer is not null) answers.Add(answer);
            else if (problem is not null)
            {
                problems[question.Key] = problem.Value;
                raw[question.Key] = values.ToString();
            }
            else if (question.Required) problems[question.Key] = AnswerProblem.Required;
        }
        return new Posted(answers, raw, problems);
    }

    static (Answer? Answer, AnswerProblem? Problem) Parse(QuestionSnapshot question, StringValues values)
    {
        var first = values.Count > 0 ? values[0] : null;
        switch (question.Type)
        {
            case QuestionType.Scale:
                if (first is null) return (null, null);
                if (first.Length == 0) return question.Scale?.AllowDontKnow == false ? (null, AnswerProblem.NotOnScale) : (new Answer { QuestionKey = question.Key }, null);
                return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && question.Scale is { } s && n >= s.Min && n <= s.Max
                    ? (new Answer { QuestionKey = question.Key, Number = n }, null)
                    : (null, AnswerProblem.NotOnScale);
            case QuestionType.SingleChoice:
                if (string.IsNullOrEmpty(first)) return (null, null);
                return question.Choices.Any(c => c.Value == first) ? (new Answer { QuestionKey = question.Key, Choices = [first] }, null) : (null, AnswerProblem.NotAChoice);
            case QuestionType.MultipleChoice:
                var chosen = values.Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();
                if (chosen.Count == 0) return (null, null);
                return chosen.All(c => question.Choices.Any(o => o.Value == c))
                    ? (new Answer { QuestionKey = question.Key, Choices = question.Choices.Select(o => o.Value).Where(chosen.Contains).ToList() }, null)
                    : (null, AnswerProblem.NotAChoice);
            case QuestionType.Number:
                var typed = first?.Trim() ?? "";
                if (typed.Length == 0) return (null, null);
                return decimal.TryParse(typed.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture, out var number)
                    ? (new Answer { QuestionKey = question.Key, Number = number }, null)
                    : (null, AnswerProblem.NotANumber);
            case QuestionType.FreeText:
                // Browsers send line breaks as CRLF; the 4,000-character limit counts one per line break, as the textarea does.
                var text = first?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                return string.IsNullOrEmpty(text) ? (null, null) : (new Answer { QuestionKey = question.Key, Text = text }, null);
            default:
                return (null, null);
        }
    }
}
