using Medborgare.Contracts;

namespace Medborgare.Collection.Tests;

static class CollectionTestData
{
    static readonly Dictionary<string, string> T = new() { ["sv"] = "Text", ["en"] = "Text" };

    static QuestionSnapshot Scale(string key, ConditionSnapshot? condition = null) => new()
    {
        Key = key, Type = QuestionType.Scale, Text = T, Condition = condition,
        Scale = new ScaleSnapshot { MinLabel = T, MaxLabel = T },
    };

    /// <summary>Two pages: background (required yes/no) and services (a conditional scale, scales, free text).</summary>
    public static readonly QuestionnaireSnapshot Questionnaire = new()
    {
        Title = new Dictionary<string, string> { ["sv"] = "Medborgarundersökning", ["en"] = "Citizen survey" },
        Sections =
        [
            new SectionSnapshot
            {
                Key = "om-dig", Title = T,
                Questions =
                [
                    new QuestionSnapshot
                    {
                        Key = "barn", Type = QuestionType.SingleChoice, Text = T, Required = true,
                        Choices = [new ChoiceSnapshot { Value = "ja", Text = T }, new ChoiceSnapshot { Value = "nej", Text = T }],
                    },
                ],
            },
            new SectionSnapshot
            {
                Key = "tjanster", Title = T,
                Questions =
                [
                    Scale("forskola", new ConditionSnapshot { QuestionKey = "barn", AnyOf = ["ja"] }),
                    Scale("nojd"),
                    Scale("nojd-vet-ej"),
                    new QuestionSnapshot { Key = "kommentar", Type = QuestionType.FreeText, Text = T },
                ],
            },
        ],
    };
}

static class SentResponses
{
    /// <summary>Every response in the packed messages a test bus received, in the order they came.</summary>
    public static List<SurveyResponseSubmitted> Responses(this Medborgare.Testing.TestBus<SurveyResponsesSubmitted> bus) =>
        [.. bus.Received.SelectMany(m => m.Message.Responses)];

    /// <summary>Every code hash in the answered-flag batches a test bus received.</summary>
    public static List<string> CodeHashes(this Medborgare.Testing.TestBus<InvitationsAnswered> bus) =>
        [.. bus.Received.SelectMany(m => m.Message.CodeHashes)];
}
