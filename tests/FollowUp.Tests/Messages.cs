using Medborgare.Contracts;

namespace Medborgare.FollowUp.Tests;

static class Messages
{
    public static SurveyResultsPublished Results(int year, double nmi, ChangeSignificance change = ChangeSignificance.NoComparison,
        double forskola = 70, Guid? surveyId = null) => new()
    {
        SurveyId = surveyId ?? Guid.NewGuid(),
        MunicipalityCode = FollowUpApp.Municipality,
        Year = year,
        Indicators =
        [
            new IndicatorResult { Key = "NMI", Kind = IndicatorKind.Index, Value = nmi, CiLow = nmi - 1.8, CiHigh = nmi + 1.8, N = 1650, ChangeVsLastYear = change },
            new IndicatorResult { Key = "NMI.forskola", Kind = IndicatorKind.Index, Value = forskola, CiLow = forskola - 4, CiHigh = forskola + 4, N = 310, GoalAreaTags = ["utbildning"] },
        ],
        Priorities =
        [
            Priority("NMI.bibliotek", "Bibliotek", 78, 0.4, PriorityQuadrant.LagrePrioritet, "utbildning"),
            Priority("NMI.forskola", "Förskola", forskola, 2.1, PriorityQuadrant.Prioritera, "utbildning"),
            Priority("NMI.grundskola", "Grundskola", 66, 3.0, PriorityQuadrant.Bevara, "utbildning"),
            Priority("NMI.gymnasieskola", "Gymnasieskola", 52, 2.8, PriorityQuadrant.Prioritera, "Utbildning"),
            Priority("NMI.gator-vagar", "Gator och vägar", 45, 3.5, PriorityQuadrant.Prioritera, "livsmiljo"),
        ],
    };

    static PriorityResult Priority(string key, string name, double score, double effect, PriorityQuadrant quadrant, string tag) => new()
    {
        OverallKey = "NMI", FactorKey = key, NameSv = name, NameEn = null, Score = score, Effect = effect, N = 400,
        Quadrant = quadrant, GoalAreaTags = [tag],
    };

    public static CitizenFeedbackReceived Feedback(string goalArea, string text, DateTimeOffset at, string category = "Skola") => new()
    {
        FeedbackId = Guid.NewGuid(),
        MunicipalityCode = FollowUpApp.Municipality,
        Category = category,
        GoalArea = goalArea,
        District = "Centrum",
        MaskedText = text,
        ReceivedAt = at,
    };

    public static CitizenFeedbackAnswered Answered(string goalArea, DateTimeOffset answeredAt, int workingDays, bool inTime, Guid? feedbackId = null,
        string category = "klagomål") => new()
    {
        FeedbackId = feedbackId ?? Guid.NewGuid(),
        MunicipalityCode = FollowUpApp.Municipality,
        Category = category,
        GoalArea = goalArea,
        Committee = "Tekniska nämnden",
        ReceivedAt = answeredAt.AddDays(-workingDays - 2),
        AnsweredAt = answeredAt,
        DueDate = DateOnly.FromDateTime(answeredAt.UtcDateTime).AddDays(inTime ? 1 : -1),
        WorkingDays = workingDays,
        InTime = inTime,
    };
}
