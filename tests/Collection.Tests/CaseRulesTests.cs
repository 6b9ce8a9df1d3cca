using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Cases;

namespace Medborgare.Collection.Tests;

/// <summary>The pure rules of synpunktshantering: receipts, routing and the timeliness report, against values worked out by hand.</summary>
public sealed class CaseRulesTests
{
    [Theory]
    [InlineData("S-7K3MQ-X9TDP", "S-7K3MQ-X9TDP")]
    [InlineData("s-7k3mq-x9tdp", "S-7K3MQ-X9TDP")]
    [InlineData(" S 7K3MQ X9TDP ", "S-7K3MQ-X9TDP")]
    [InlineData("7K3MQX9TDP", "S-7K3MQ-X9TDP")]
    [InlineData("S7K3MQX9TDP", "S-7K3MQ-X9TDP")]
    [InlineData("SSSSSSSSSS", "S-SSSSS-SSSSS")]
    [InlineData("S-7K3MQ-X9TD", null)]
    [InlineData("S-7K3MQ-X9TD0", null)]
    [InlineData("S-7K3MQ-X9TDI", null)]
    [InlineData("", null)]
    [InlineData("S-7K3MQ-X9TDP-EXTRA", null)]
    public void A_receipt_is_read_forgiving_case_spaces_and_dashes_and_nothing_else(string input, string? expected) =>
        Assert.Equal(expected, CaseReceipts.Normalize(input));

    [Fact]
    public void New_receipts_are_in_their_own_normal_form_and_differ()
    {
        var receipts = Enumerable.Range(0, 2000).Select(_ => CaseReceipts.New()).ToList();
        Assert.All(receipts, r => Assert.Equal(r, CaseReceipts.Normalize(r)));
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
    }

    [Fact]
    public void Routing_takes_the_goal_areas_committee_then_the_categorys_then_the_default()
    {
        var options = new CaseOptions { DefaultCommittee = "Kommunstyrelsen", CategoryCommittees = { ["fråga"] = "Kontaktcenter" } };
        var areas = new Dictionary<string, string> { ["omsorg"] = "Vård- och omsorgsnämnden", ["delaktighet"] = " " };

        Assert.Equal("Vård- och omsorgsnämnden", CaseRouting.Propose("omsorg", "fråga", areas, options));
        Assert.Equal("Kontaktcenter", CaseRouting.Propose(null, "fråga", areas, options));
        Assert.Equal("Kontaktcenter", CaseRouting.Propose("delaktighet", "fråga", areas, options));
        Assert.Equal("Kommunstyrelsen", CaseRouting.Propose("livsmiljo", "klagomål", areas, options));
        Assert.Equal("Kommunstyrelsen", CaseRouting.Propose(null, "beröm", areas, options));
    }

    static CaseTimes Case(string committee, string? area, string due, string? answered, int? days) => new(committee, area,
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), DateOnly.Parse(due),
        answered is null ? null : new DateTimeOffset(DateOnly.Parse(answered), new TimeOnly(10, 0), TimeSpan.Zero), days,
        answered is null ? CaseStatus.Assigned : CaseStatus.Answered);

    [Fact]
    public void The_timeliness_report_counts_answers_in_time_medians_and_open_overdue_cases_by_hand()
    {
        CaseTimes[] cases =
        [
            Case("X", "omsorg", "2026-03-16", "2026-03-10", 6),   // in time
            Case("X", "omsorg", "2026-03-16", "2026-03-20", 14),  // late
            Case("Y", null, "2026-04-15", "2026-04-10", 5),       // in time
            Case("Y", null, "2026-04-20", null, null),            // open, past due on 1 May
            Case("X", "omsorg", "2026-06-01", null, null),        // open, not yet due
            Case("X", "omsorg", "2025-12-01", "2025-12-01", 1),   // answered before the period
        ];

        var report = Timeliness.Report(cases, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 5, 1), 10);

        Assert.Equal(new TimelinessRow("", 3, 2, 200.0 / 3, 6, 1), report.Total);
        Assert.Equal([new TimelinessRow("X", 2, 1, 50, 10, 0), new TimelinessRow("Y", 1, 1, 100, 5, 1)], report.ByCommittee);
        Assert.Equal([new TimelinessRow("2026-03", 2, 1, 50, 10, 0), new TimelinessRow("2026-04", 1, 1, 100, 5, 1)], report.ByMonth);
        Assert.Equal([new TimelinessRow("", 1, 1, 100, 5, 1), new TimelinessRow("omsorg", 2, 1, 50, 10, 0)], report.ByGoalArea);
    }

    [Fact]
    public void An_answer_on_the_due_day_is_in_time_in_Swedish_time_even_late_in_the_evening()
    {
        // 22:30 UTC on 16 March is 23:30 in Stockholm, still the due day; 23:30 UTC is already the 17th there.
        var onTheDay = Case("X", null, "2026-03-16", null, 10) with { AnsweredAt = new DateTimeOffset(2026, 3, 16, 22, 30, 0, TimeSpan.Zero) };
        var nextDay = Case("X", null, "2026-03-16", null, 11) with { AnsweredAt = new DateTimeOffset(2026, 3, 16, 23, 30, 0, TimeSpan.Zero) };

        var report = Timeliness.Report([onTheDay, nextDay], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1), 10);

        Assert.Equal(2, report.Total.Answered);
        Assert.Equal(1, report.Total.AnsweredInTime);
    }

    [Theory]
    [InlineData(new double[0], null)]
    [InlineData(new double[] { 7 }, 7.0)]
    [InlineData(new double[] { 3, 8, 10, 12, 15 }, 10.0)]
    [InlineData(new double[] { 15, 3, 12, 8 }, 10.0)]
    public void Median_by_hand(double[] values, double? expected) => Assert.Equal(expected, Timeliness.Median(values));
}
