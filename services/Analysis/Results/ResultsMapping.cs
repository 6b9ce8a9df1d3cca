using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Results;

/// <summary>From the kernel's report to the results contract, with names and goal-area tags from the questionnaire.</summary>
public static class ResultsMapping
{
    public static SurveyResultsDto ToDto(this YearlyReport report, SurveyDefinition survey, Model.AnalysedSurvey stored) => new(
        survey.SurveyId, survey.MunicipalityCode, survey.Year, Text(survey.Questionnaire.Title),
        stored.ResultsPublishedAt is null ? ResultStatus.Preliminary : ResultStatus.Published, stored.ResultsPublishedAt,
        stored.ClosedAt is not null, report.Respondents, report.Calibration.ToDto(),
        [.. report.Indicators.Select(i => i.ToDto(survey))],
        [.. report.Breakdowns.Select(ToDto)],
        [.. report.Priorities.Select(p => p.ToWire())],
        [.. report.Trends.Select(t => t.ToWire())],
        [.. survey.Questions.Where(IsChoice).Select(q => new ChoiceQuestionDto(q.Key, Text(q.Text)))],
        stored.KeepPublishedCurrent);

    public static bool IsChoice(QuestionSnapshot q) => q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    public static CalibrationDto ToDto(this CalibrationResult c) => new(c.Status.ToWire(), c.Iterations,
        double.IsFinite(c.MaxRelativeDeviation) ? c.MaxRelativeDeviation : null, [.. c.Collapsed.Select(g => g.ToWire())], c.EmptyStrata, c.Message);

    public static IndicatorDto ToDto(this IndicatorEstimate e, SurveyDefinition survey) => new(
        e.Key, e.Kind.ToWire(), Name(survey, e.Key), GoalAreaTags(survey, e.Key),
        e.Value, e.StandardError, e.CiLow, e.CiHigh, e.N, e.Label, e.LabelEn);

    public static BreakdownDto ToDto(this Breakdown b) => new(b.Dimension, b.IndicatorKey,
        [.. b.Groups.Select(g => new BreakdownGroupDto(g.Group, g.N, g.Suppression.ToWire(),
            g.Estimate is { } e ? new EstimateDto(e.Value, e.StandardError, e.CiLow, e.CiHigh, e.N) : null))]);

    /// <summary>Question text for items, "… – andel hög" for shares, the index name for factors and overall indices.</summary>
    public static LocalizedText Name(SurveyDefinition survey, string key)
    {
        if (survey.Questionnaire.Indices.FirstOrDefault(i => i.Key == key) is { } index) return Both(index.Name);
        var variable = survey.Model.Variables[survey.Model.VariableIndex[key]];
        var question = survey.Question(variable.ItemKey ?? key);
        var text = question is null ? new LocalizedText(key, key) : Both(question.Text);
        return variable.Band switch
        {
            ShareBand.Low => new(text.Sv + " – andel låg", text.En + " – share low"),
            ShareBand.Middle => new(text.Sv + " – andel mellan", text.En + " – share middle"),
            ShareBand.High => new(text.Sv + " – andel hög", text.En + " – share high"),
            _ => text,
        };
    }

    public static IReadOnlyList<string> GoalAreaTags(SurveyDefinition survey, string key)
    {
        if (survey.Questionnaire.Indices.FirstOrDefault(i => i.Key == key) is { } index) return index.GoalAreaTags;
        var variable = survey.Model.Variables[survey.Model.VariableIndex[key]];
        return survey.Question(variable.ItemKey ?? key)?.GoalAreaTags ?? [];
    }

    public static LocalizedText Text(IReadOnlyDictionary<string, string> text) =>
        new(text.GetValueOrDefault("sv", ""), text.GetValueOrDefault("en"));

    /// <summary>Indicator names always have English; a missing translation falls back to the Swedish text.</summary>
    static LocalizedText Both(IReadOnlyDictionary<string, string> text)
    {
        var sv = text.GetValueOrDefault("sv", "");
        return new(sv, text.GetValueOrDefault("en") ?? sv);
    }
}
