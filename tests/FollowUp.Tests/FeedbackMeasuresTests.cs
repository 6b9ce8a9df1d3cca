using Medborgare.FollowUp.Evaluation;

namespace Medborgare.FollowUp.Tests;

/// <summary>The pure calculations behind the feedback indicators, against values worked by hand.</summary>
public sealed class FeedbackMeasuresTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        Assert.Equal(10, FeedbackMeasures.Median([15, 3, 12, 8, 10]));
        Assert.Equal(4, FeedbackMeasures.Median([4]));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(9, FeedbackMeasures.Median([3, 8, 10, 12]));
        Assert.Equal(2.5, FeedbackMeasures.Median([3, 2]));
    }

    [Fact]
    public void Without_answered_cases_there_is_no_median_and_no_share()
    {
        Assert.Null(FeedbackMeasures.Median([]));
        Assert.Null(FeedbackMeasures.InTimeShare([]));
    }

    [Fact]
    public void The_share_answered_in_time_is_a_percentage()
    {
        Assert.Equal(60, FeedbackMeasures.InTimeShare([true, true, true, false, false]));
        Assert.Equal(0, FeedbackMeasures.InTimeShare([false]));
        Assert.Equal(100, FeedbackMeasures.InTimeShare([true, true]));
        Assert.Equal(200.0 / 3, FeedbackMeasures.InTimeShare([true, false, true]));
    }

    [Theory]
    [InlineData(null, FeedbackMeasureKind.Count, null)]
    [InlineData("", FeedbackMeasureKind.Count, null)]
    [InlineData("answered-in-time", FeedbackMeasureKind.AnsweredInTime, null)]
    [InlineData(" Median-Response-Days ", FeedbackMeasureKind.MedianResponseDays, null)]
    [InlineData("theme:klagomål", FeedbackMeasureKind.Theme, "klagomål")]
    [InlineData("Theme:Beröm", FeedbackMeasureKind.Theme, "beröm")]
    public void Known_keys_name_their_measure(string? key, FeedbackMeasureKind kind, string? category) =>
        Assert.Equal(new FeedbackMeasure(kind, category), FeedbackMeasures.Parse(key));

    [Theory]
    [InlineData("answered-in-tme")]
    [InlineData("theme:klagomal")]
    [InlineData("theme:")]
    [InlineData("median")]
    public void A_mistyped_key_names_no_measure(string key) => Assert.Null(FeedbackMeasures.Parse(key));

    [Fact]
    public void The_year_is_the_calendar_year_in_Sweden()
    {
        Assert.Equal(2026, FeedbackMeasures.SwedishYear(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero)));   // 00:30 in Stockholm
        Assert.Equal(2025, FeedbackMeasures.SwedishYear(new DateTimeOffset(2025, 12, 31, 22, 59, 0, TimeSpan.Zero)));
        var (from, to) = FeedbackMeasures.SwedishYears(2024, 2025);
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), to);
    }
}
