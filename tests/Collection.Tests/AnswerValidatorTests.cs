using Medborgare.Collection.Answering;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;
using Medborgare.Contracts;

namespace Medborgare.Collection.Tests;

public sealed class AnswerValidatorTests
{
    static readonly QuestionnaireSnapshot Questionnaire = CollectionTestData.Questionnaire;

    [Fact]
    public void Valid_answers_pass_and_hidden_answers_are_dropped()
    {
        var result = AnswerValidator.Validate(Questionnaire,
        [
            new Answer { QuestionKey = "barn", Choices = ["nej"] },
            new Answer { QuestionKey = "forskola", Number = 8 },   // hidden: no preschool children
            new Answer { QuestionKey = "nojd", Number = 7 },
            new Answer { QuestionKey = "nojd-vet-ej" },             // "vet ej": no value
        ], complete: true);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value.Select(f => f.Code))));
        Assert.Equal(["barn", "nojd", "nojd-vet-ej"], result.Answers.Select(a => a.QuestionKey));
    }

    [Theory]
    [InlineData("okand", 5.0, null, UnknownQuestion)]
    [InlineData("nojd", 11.0, null, OutsideScale)]
    [InlineData("nojd", 0.0, null, OutsideScale)]
    [InlineData("nojd", 5.5, null, OutsideScale)]
    [InlineData("nojd", null, "text", ScaleValueExpected)]
    [InlineData("kommentar", null, "<script>alert(1)</script>", TextMarkup)]
    [InlineData("barn", null, "ja", OneChoiceExpected)]
    public void Wrong_answers_are_refused_with_a_code_for_that_question(string key, double? number, string? text, string code)
    {
        var result = AnswerValidator.Validate(Questionnaire,
            key == "barn"
                ? [new Answer { QuestionKey = key, Number = number is null ? null : (decimal)number, Text = text }]
                : [new Answer { QuestionKey = key, Number = number is null ? null : (decimal)number, Text = text }, new Answer { QuestionKey = "barn", Choices = ["ja"] }],
            complete: false);

        Assert.Equal(code, Assert.Single(result.Errors[key]).Code);
    }

    [Fact]
    public void A_choice_that_does_not_exist_is_refused()
    {
        var result = AnswerValidator.Validate(Questionnaire, [new Answer { QuestionKey = "barn", Choices = ["kanske"] }], complete: false);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void On_submission_a_required_visible_question_must_be_answered()
    {
        Assert.False(AnswerValidator.Validate(Questionnaire, [], complete: true).IsValid);
        Assert.True(AnswerValidator.Validate(Questionnaire, [], complete: false).IsValid);
    }

    [Fact]
    public void Text_over_the_limit_is_refused()
    {
        var result = AnswerValidator.Validate(Questionnaire, [new Answer { QuestionKey = "kommentar", Text = new string('a', 4001) }], complete: false);

        var error = Assert.Single(result.Errors["kommentar"]);
        Assert.Equal(TextTooLong, error.Code);
        Assert.Contains("högst 4000", error.Text.Sv);
        Assert.Contains("at most 4000", error.Text.En);
    }
}
