using Medborgare.Contracts;

namespace Medborgare.LoadTool;

/// <summary>
/// A simple, deterministic answer model for load: each respondent has a general satisfaction level; scale
/// answers scatter around it, with about 5 % "vet ej". Background questions are answered, so conditions apply.
/// </summary>
static class AnswerModel
{
    public static List<Answer> Generate(QuestionnaireSnapshot questionnaire, int respondent)
    {
        var random = new Random(respondent);
        var level = 3 + random.NextDouble() * 6;
        var answers = new List<Answer>();
        foreach (var q in questionnaire.Sections.SelectMany(s => s.Questions))
        {
            switch (q.Type)
            {
                case QuestionType.Scale when q.Scale is { } scale:
                    var dontKnow = scale.AllowDontKnow && random.NextDouble() < 0.05;
                    var value = Math.Clamp((int)Math.Round(level + (random.NextDouble() - 0.5) * 4), scale.Min, scale.Max);
                    answers.Add(new Answer { QuestionKey = q.Key, Number = dontKnow ? null : value });
                    break;
                case QuestionType.SingleChoice when q.Choices.Count > 0:
                    answers.Add(new Answer { QuestionKey = q.Key, Choices = [q.Choices[random.Next(q.Choices.Count)].Value] });
                    break;
                case QuestionType.MultipleChoice when q.Choices.Count > 0:
                    answers.Add(new Answer { QuestionKey = q.Key, Choices = [q.Choices[random.Next(q.Choices.Count)].Value] });
                    break;
            }
        }
        return answers;
    }
}
