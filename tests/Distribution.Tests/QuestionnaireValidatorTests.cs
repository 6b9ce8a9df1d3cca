using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;
using Medborgare.Distribution.Questionnaires;

namespace Medborgare.Distribution.Tests;

public sealed class QuestionnaireValidatorTests
{
    static readonly Dictionary<string, string> Sv = new() { ["sv"] = "Text", ["en"] = "Text" };

    static QuestionSnapshot Scale(string key, ConditionSnapshot? condition = null) => new()
    {
        Key = key, Type = QuestionType.Scale, Text = Sv, Condition = condition,
        Scale = new ScaleSnapshot { Min = 1, Max = 10, MinLabel = Sv, MaxLabel = Sv },
    };

    static QuestionSnapshot YesNo(string key) => new()
    {
        Key = key, Type = QuestionType.SingleChoice, Text = Sv,
        Choices = [new ChoiceSnapshot { Value = "ja", Text = Sv }, new ChoiceSnapshot { Value = "nej", Text = Sv }],
    };

    static QuestionnaireSnapshot With(params QuestionSnapshot[] questions) => new()
    {
        Title = Sv,
        Sections = [new SectionSnapshot { Key = "s1", Title = Sv, Questions = questions }],
    };

    [Fact]
    public void The_built_in_questionnaire_is_valid_and_follows_the_index_model()
    {
        var q = QuestionnaireJson.Default();

        Assert.Empty(QuestionnaireValidator.Validate(q));
        Assert.Equal(["NII", "NMI", "NRI"], q.Indices.Where(i => i.Kind == IndexKind.Overall).Select(i => i.Key).Order());
        Assert.All(q.Indices.Where(i => i.Kind == IndexKind.Overall), i => Assert.Equal(3, i.ItemKeys.Count));
        Assert.Equal(7, q.Indices.Count(i => i.ParentKey == "NRI"));
        Assert.Equal(15, q.Indices.Count(i => i.ParentKey == "NMI"));
        Assert.Equal(4, q.Indices.Count(i => i.ParentKey == "NII"));
        var texts = q.Sections.SelectMany(s => s.Questions).Select(x => x.Text);
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.GetValueOrDefault("en")), "every question has English text"));
    }

    [Fact]
    public void A_valid_small_questionnaire_has_no_problems()
    {
        Assert.Empty(QuestionnaireValidator.Validate(With(YesNo("a"), Scale("b", new ConditionSnapshot { QuestionKey = "a", AnyOf = ["ja"] }))));
    }

    [Fact]
    public void Duplicate_keys_are_reported()
    {
        var problems = QuestionnaireValidator.Validate(With(Scale("a"), Scale("a")));

        var duplicate = Assert.Single(problems, p => p.Code == DistributionErrorCodes.QuestionKeyTaken);
        Assert.Equal("sections[0].questions[1].key", duplicate.Path);
        Assert.Equal("Frågenyckeln 'a' används mer än en gång.", duplicate.Error.Text.Sv);
        Assert.Equal("The question key 'a' is used more than once.", duplicate.Error.Text.En);
    }

    [Fact]
    public void A_condition_on_an_unknown_question_is_reported()
    {
        var problems = QuestionnaireValidator.Validate(With(Scale("b", new ConditionSnapshot { QuestionKey = "finns-inte", AnyOf = ["ja"] })));

        Assert.Contains(problems, p => p.Path == "sections[0].questions[0].condition");
    }

    [Fact]
    public void A_condition_on_a_later_question_is_reported()
    {
        var problems = QuestionnaireValidator.Validate(With(Scale("b", new ConditionSnapshot { QuestionKey = "a", AnyOf = ["ja"] }), YesNo("a")));

        Assert.Contains(problems, p => p.Code == DistributionErrorCodes.ConditionNotEarlier);
    }

    [Fact]
    public void A_condition_on_an_answer_the_question_does_not_have_is_reported()
    {
        var problems = QuestionnaireValidator.Validate(With(YesNo("a"), Scale("b", new ConditionSnapshot { QuestionKey = "a", AnyOf = ["kanske"] })));

        Assert.Contains(problems, p => p.Code == DistributionErrorCodes.ConditionUnknownChoice && p.Error.Text.En.Contains("'kanske'"));
    }

    [Fact]
    public void An_empty_scale_is_reported()
    {
        var bad = Scale("a") with { Scale = new ScaleSnapshot { Min = 5, Max = 5, MinLabel = Sv, MaxLabel = Sv } };

        var problems = QuestionnaireValidator.Validate(With(bad));

        Assert.Contains(problems, p => p.Path == "sections[0].questions[0].scale" && p.Code == DistributionErrorCodes.ScaleEmpty);
    }

    [Fact]
    public void Missing_swedish_text_is_reported_wherever_it_is_missing()
    {
        var english = new Dictionary<string, string> { ["en"] = "Only English" };
        var q = With(Scale("a") with { Text = english }) with { Title = english };

        var problems = QuestionnaireValidator.Validate(q);

        Assert.Contains(problems, p => p.Path == "title" && p.Code == DistributionErrorCodes.SwedishTextMissing);
        Assert.Contains(problems, p => p.Path == "sections[0].questions[0].text");
    }

    [Fact]
    public void A_factor_item_that_is_not_a_scale_question_is_reported()
    {
        var q = With(YesNo("a"), Scale("b")) with
        {
            Indices =
            [
                new IndexSnapshot { Key = "NRI", Kind = IndexKind.Overall, Name = Sv, ItemKeys = ["b"] },
                new IndexSnapshot { Key = "NRI.x", Kind = IndexKind.Factor, ParentKey = "NRI", Name = Sv, ItemKeys = ["a", "saknas"] },
            ],
        };

        var problems = QuestionnaireValidator.Validate(q);

        Assert.Contains(problems, p => p.Code == DistributionErrorCodes.IndexItemNotScale && p.Error.Text.Sv.Contains("'a'"));
        Assert.Contains(problems, p => p.Code == DistributionErrorCodes.IndexItemUnknown && p.Error.Text.Sv.Contains("'saknas'"));
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var english = new Dictionary<string, string> { ["en"] = "x" };
        var q = With(Scale("a") with { Text = english }, Scale("a"), Scale("c", new ConditionSnapshot { QuestionKey = "z", AnyOf = ["ja"] }));

        Assert.Equal(3, QuestionnaireValidator.Validate(q).Count);
    }
}
