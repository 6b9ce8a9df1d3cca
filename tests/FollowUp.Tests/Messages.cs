using Medborgare.Contracts;

namespace Medborgare.FollowUp.Tests;

static class Messages
{
    public static SurveyResultsPublished Results(int year, double nmi, ChangeSignificance change = ChangeSignificance.NoComparison,
        double forskola = 70, Guid? surveyId = null) => new()
    {
        SurveyId = surveyId ?? Guid.NewGuid(),
        MunicipalityCode = FollowUpFactory.Municipality,
        Year = year,
        Indicators =
        [
            new IndicatorResult { Key = "NMI", Kind = IndicatorKind.Index, Value = nmi, CiLow = nmi - 1.8, CiHigh = nmi + 1.8, N = 1650, ChangeVsLastYear = change },
            new IndicatorResult { Key = "NMI.forskola", Kind = IndicatorKind.Index, Value = forskola, CiLow = forskola - 4, CiHigh = forskola + 4, N = 310, GoalAreaTags = ["utbildning"] },
        ],
    };

    public static CitizenFeedbackReceived Feedback(string goalArea, string text, DateTimeOffset at, string category = "Skola") => new()
    {
        FeedbackId = Guid.NewGuid(),
        MunicipalityCode = FollowUpFactory.Municipality,
        Category = category,
        GoalArea = goalArea,
        District = "Centrum",
        MaskedText = text,
        ReceivedAt = at,
    };
}
