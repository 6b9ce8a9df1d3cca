using Medborgare.Contracts;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// A small questionnaire with the shape of the real one: an overall index (NMI) of three questions, two factors
/// of two questions each, a single and a multiple choice question, a free-text and a number question.
/// </summary>
public static class TestSurvey
{
    public static readonly string[] ScaleKeys = ["q1", "q2", "q3", "f1a", "f1b", "f2a", "f2b"];
    public static readonly string[] Districts = ["Norra", "Södra"];

    static Dictionary<string, string> T(string sv, string en) => new() { ["sv"] = sv, ["en"] = en };

    static QuestionSnapshot Scale(string key, params string[] tags) => new()
    {
        Key = key, Type = QuestionType.Scale, Text = T($"Fråga {key}", $"Question {key}"), GoalAreaTags = tags,
        Scale = new ScaleSnapshot { MinLabel = T("Inte alls", "Not at all"), MaxLabel = T("I mycket hög grad", "Very much") },
    };

    public static SurveyPublished Published(int year = 2026, string municipality = "0136") => new()
    {
        SurveyId = Guid.NewGuid(), MunicipalityCode = municipality, Year = year, PublishedAt = DateTimeOffset.UtcNow,
        Questionnaire = new QuestionnaireSnapshot
        {
            Title = T($"Medborgarundersökning {year}", $"Citizen survey {year}"),
            Sections =
            [
                new SectionSnapshot
                {
                    Key = "s1", Title = T("Kommunen", "The municipality"),
                    Questions =
                    [
                        Scale("q1"), Scale("q2"), Scale("q3"), Scale("f1a", "trygghet"), Scale("f1b", "trygghet"), Scale("f2a"), Scale("f2b"),
                        new QuestionSnapshot
                        {
                            Key = "boende", Type = QuestionType.SingleChoice, Text = T("Hur bor du?", "How do you live?"),
                            Choices = [Choice("hyresratt"), Choice("bostadsratt"), Choice("villa")],
                        },
                        new QuestionSnapshot
                        {
                            Key = "kanaler", Type = QuestionType.MultipleChoice, Text = T("Var får du information?", "Where do you get information?"),
                            Choices = [Choice("webb"), Choice("tidning")],
                        },
                        new QuestionSnapshot { Key = "fritext", Type = QuestionType.FreeText, Text = T("Övrigt", "Anything else") },
                        new QuestionSnapshot { Key = "alder", Type = QuestionType.Number, Text = T("Ålder", "Age") },
                    ],
                },
            ],
            Indices =
            [
                new IndexSnapshot { Key = "NMI", Kind = IndexKind.Overall, Name = T("Nöjd-Medborgar-Index", "Satisfied Citizen Index"), ItemKeys = ["q1", "q2", "q3"], GoalAreaTags = ["livskvalitet"] },
                new IndexSnapshot { Key = "NMI.f1", Kind = IndexKind.Factor, ParentKey = "NMI", Name = T("Trygghet", "Safety"), ItemKeys = ["f1a", "f1b"], GoalAreaTags = ["trygghet"] },
                new IndexSnapshot { Key = "NMI.f2", Kind = IndexKind.Factor, ParentKey = "NMI", Name = T("Skola", "School"), ItemKeys = ["f2a", "f2b"] },
            ],
        },
    };

    static ChoiceSnapshot Choice(string value) => new() { Value = value, Text = T(value, value) };

    /// <summary>Population per cell: every district × sex × age group, with a seeded count.</summary>
    public static PopulationMarginsRegistered Margins(Guid surveyId, int seed = 1, int scale = 1000)
    {
        var random = new Random(seed);
        return new PopulationMarginsRegistered
        {
            SurveyId = surveyId,
            Cells = [.. from d in Districts from s in Demography.Sexes from a in Demography.AgeGroups
                        select new PopulationCell { Stratum = new Stratum { District = d, Sex = s, AgeGroup = a }, Count = scale + random.Next(scale) }],
        };
    }

    /// <summary>Seeded responses spread over every cell, with "vet ej", unanswered items and choice/free-text answers.</summary>
    public static List<SurveyResponseSubmitted> Responses(Guid surveyId, int count, int seed, int shift = 0)
    {
        var random = new Random(seed);
        var result = new List<SurveyResponseSubmitted>(count);
        for (var i = 0; i < count; i++)
        {
            var cell = i % 32;   // every cell gets respondents, so nothing collapses unless a test wants it
            var answers = new List<Answer>();
            var mood = random.Next(1, 11);
            foreach (var key in ScaleKeys)
            {
                var roll = random.NextDouble();
                if (roll < 0.05) continue;                                                   // not answered
                answers.Add(new Answer { QuestionKey = key, Number = roll < 0.12 ? null : Math.Clamp(mood + shift + random.Next(-3, 4), 1, 10) });
            }
            answers.Add(new Answer { QuestionKey = "boende", Choices = [(new[] { "hyresratt", "bostadsratt", "villa" })[random.Next(3)]] });
            answers.Add(new Answer { QuestionKey = "kanaler", Choices = random.Next(2) == 0 ? ["webb"] : ["webb", "tidning"] });
            if (random.Next(4) == 0) answers.Add(new Answer { QuestionKey = "fritext", Text = $"Synpunkt {i}" });
            answers.Add(new Answer { QuestionKey = "alder", Number = random.Next(16, 90) });
            result.Add(new SurveyResponseSubmitted
            {
                ResponseId = Guid.NewGuid(), SurveyId = surveyId, Channel = ResponseChannel.Web, SubmittedOn = new DateOnly(2026, 3, 1),
                Stratum = new Stratum { District = Districts[cell / 16], Sex = Demography.Sexes[cell % 16 / 8], AgeGroup = Demography.AgeGroups[cell % 8] },
                Answers = answers,
            });
        }
        return result;
    }
}
