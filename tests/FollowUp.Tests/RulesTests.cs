using Medborgare.Contracts;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;
using static Medborgare.ApiContracts.FollowUp.IndicatorStatus;

namespace Medborgare.FollowUp.Tests;

public sealed class RulesTests
{
    const Direction Up = Direction.HigherIsBetter;
    const Direction Down = Direction.LowerIsBetter;

    [Theory]
    // higher is better: target 60, tolerance 5
    [InlineData(65.0, 60.0, 5.0, Up, Green)]
    [InlineData(60.0, 60.0, 5.0, Up, Green)]      // exactly on target
    [InlineData(59.9, 60.0, 5.0, Up, Yellow)]
    [InlineData(55.0, 60.0, 5.0, Up, Yellow)]     // exactly on the tolerance edge
    [InlineData(54.9, 60.0, 5.0, Up, Red)]
    [InlineData(59.0, 60.0, 0.0, Up, Red)]        // no tolerance: short is red
    [InlineData(74.1 - 0.1, 74.0, 0.0, Up, Green)] // rounding noise on the edge stays green
    // lower is better: waiting days, target 60, tolerance 5
    [InlineData(54.5, 60.0, 5.0, Down, Green)]
    [InlineData(60.0, 60.0, 5.0, Down, Green)]
    [InlineData(65.0, 60.0, 5.0, Down, Yellow)]
    [InlineData(65.1, 60.0, 5.0, Down, Red)]
    [InlineData(61.0, 60.0, -3.0, Down, Red)]     // a negative tolerance counts as none
    public void Status_compares_the_value_with_the_target_in_the_indicators_direction(double value, double target, double tolerance, Direction direction, IndicatorStatus expected)
    {
        Assert.Equal(expected, StatusRules.Status(value, target, tolerance, direction));
    }

    [Theory]
    [InlineData(null, 60.0)]
    [InlineData(70.0, null)]
    [InlineData(null, null)]
    [InlineData(double.NaN, 60.0)]
    public void Status_is_grey_without_a_value_or_a_target(double? value, double? target)
    {
        Assert.Equal(Grey, StatusRules.Status(value, target, 5, Up));
        Assert.Equal(Grey, StatusRules.Status(value, target, 5, Down));
    }

    [Theory]
    [InlineData(ChangeSignificance.SignificantIncrease, Up, Trend.Improved)]
    [InlineData(ChangeSignificance.SignificantDecrease, Up, Trend.Worse)]
    [InlineData(ChangeSignificance.SignificantIncrease, Down, Trend.Worse)]
    [InlineData(ChangeSignificance.SignificantDecrease, Down, Trend.Improved)]
    [InlineData(ChangeSignificance.NotSignificant, Up, Trend.Unchanged)]
    [InlineData(ChangeSignificance.NotSignificant, Down, Trend.Unchanged)]
    [InlineData(ChangeSignificance.NoComparison, Up, Trend.Unknown)]
    [InlineData(ChangeSignificance.None, Down, Trend.Unknown)]
    public void A_survey_indicator_changes_only_when_the_change_is_significant(ChangeSignificance change, Direction direction, Trend expected)
    {
        Assert.Equal(expected, TrendRules.ForSurvey(change, direction));
    }

    [Theory]
    [InlineData(80.0, 85.8, Up, Trend.Improved)]
    [InlineData(80.0, 75.0, Up, Trend.Worse)]
    [InlineData(80.0, 80.8, Up, Trend.Unchanged)]   // exactly 1 % of 80: within the threshold
    [InlineData(80.0, 80.81, Up, Trend.Improved)]  // just over 1 %
    [InlineData(80.0, 79.2, Down, Trend.Unchanged)]
    [InlineData(61.0, 54.5, Down, Trend.Improved)] // fewer waiting days is better
    [InlineData(61.0, 70.0, Down, Trend.Worse)]
    [InlineData(0.0, 0.5, Up, Trend.Improved)]     // from 0, any change counts
    [InlineData(0.0, 0.0, Up, Trend.Unchanged)]
    [InlineData(null, 80.0, Up, Trend.Unknown)]
    [InlineData(80.0, null, Up, Trend.Unknown)]
    public void A_key_figure_changes_when_it_moves_more_than_one_percent(double? previous, double? current, Direction direction, Trend expected)
    {
        Assert.Equal(expected, TrendRules.ForKeyFigure(previous, current, direction));
    }

    [Theory]
    [InlineData(new[] { Green, Green, Green }, Assessment.Met)]
    [InlineData(new[] { Green, Grey }, Assessment.Met)]                 // grey does not count either way
    [InlineData(new[] { Green, Yellow }, Assessment.PartlyMet)]
    [InlineData(new[] { Green, Red, Red }, Assessment.PartlyMet)]       // something green: partly
    [InlineData(new[] { Yellow, Yellow, Red }, Assessment.PartlyMet)]   // none green but fewer than half red
    [InlineData(new[] { Yellow, Red }, Assessment.NotMet)]              // none green, half red
    [InlineData(new[] { Red, Red, Grey }, Assessment.NotMet)]
    [InlineData(new[] { Yellow }, Assessment.PartlyMet)]
    public void The_proposal_follows_the_indicators_statuses(IndicatorStatus[] statuses, Assessment expected)
    {
        Assert.Equal(expected, AssessmentRules.Propose(statuses));
    }

    [Fact]
    public void There_is_no_proposal_when_no_indicator_has_a_colour()
    {
        Assert.Null(AssessmentRules.Propose([Grey, Grey]));
        Assert.Null(AssessmentRules.Propose([]));
    }

    [Fact]
    public void An_override_is_kept_alongside_the_proposal_with_who_and_when()
    {
        var proposedAt = new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var overriddenAt = proposedAt.AddDays(3);
        var assessment = new GoalAssessment { GoalId = Guid.NewGuid(), Period = 2024, ProposedBy = "" };

        AssessmentRules.UpdateProposal(assessment, AssessmentRules.Propose([Green, Red, Red]), proposedAt);
        AssessmentRules.ApplyOverride(assessment, Assessment.NotMet, "  Två av tre indikatorer är röda och trenden är negativ. ", "Eva Ek", overriddenAt);

        Assert.Equal(Assessment.PartlyMet, assessment.Proposed);
        Assert.Equal(AssessmentRules.SystemProposer, assessment.ProposedBy);
        Assert.Equal(proposedAt, assessment.ProposedAt);
        Assert.Equal(Assessment.NotMet, assessment.Override);
        Assert.Equal(Assessment.NotMet, assessment.Effective);
        Assert.Equal("Två av tre indikatorer är röda och trenden är negativ.", assessment.AnalysisText);
        Assert.Equal("Eva Ek", assessment.OverriddenBy);
        Assert.Equal(overriddenAt, assessment.OverriddenAt);

        // New data changes the proposal; the officer's override stays until the officer changes it.
        AssessmentRules.UpdateProposal(assessment, AssessmentRules.Propose([Green, Green]), overriddenAt.AddDays(1));
        Assert.Equal(Assessment.Met, assessment.Proposed);
        Assert.Equal(Assessment.NotMet, assessment.Effective);
    }

    [Fact]
    public void Without_an_override_the_proposal_is_the_assessment()
    {
        var assessment = new GoalAssessment { ProposedBy = "" };
        AssessmentRules.UpdateProposal(assessment, Assessment.Met, DateTimeOffset.UnixEpoch);
        AssessmentRules.ApplyOverride(assessment, null, "Följer förslaget.", "Eva Ek", DateTimeOffset.UnixEpoch);
        Assert.Equal(Assessment.Met, assessment.Effective);
    }

    [Theory]
    [InlineData(ChangeSignificance.SignificantIncrease, "Statistiskt säkerställd ökning jämfört med förra året")]
    [InlineData(ChangeSignificance.SignificantDecrease, "Statistiskt säkerställd minskning jämfört med förra året")]
    [InlineData(ChangeSignificance.NotSignificant, "Ingen statistiskt säkerställd förändring jämfört med förra året")]
    public void Significance_is_said_in_words(ChangeSignificance change, string swedish)
    {
        Assert.Equal(swedish, Wording.Significance(change).Sv);
        Assert.False(string.IsNullOrWhiteSpace(Wording.Significance(change).En));
    }
}
