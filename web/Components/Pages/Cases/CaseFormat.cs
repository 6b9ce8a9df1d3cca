using System.Globalization;
using Medborgare.ApiContracts.Collection;
using Medborgare.Web.Components.Pages.Analyst;
using Microsoft.Extensions.Localization;
using static Medborgare.ApiContracts.Collection.CollectionErrorCodes;

namespace Medborgare.Web.Components.Pages.Cases;

/// <summary>The words and addresses shared by the caseworkers' pages and the residents' case pages: statuses, channels, goal areas.</summary>
public static class CaseFormat
{
    /// <summary>Collection's goal areas (FeedbackApi.GoalAreas), in the order the pages list them.</summary>
    public static readonly string[] GoalAreas = ["livsmiljo", "utbildning", "omsorg", "delaktighet"];

    /// <summary>Collection's categories (FeedbackApi.Categories) and their texts.</summary>
    public static readonly (string Value, string Key)[] Categories =
    [
        ("beröm", "ResidentFeedbackCategoryPraise"), ("klagomål", "ResidentFeedbackCategoryComplaint"),
        ("förslag", "ResidentFeedbackCategorySuggestion"), ("fråga", "ResidentFeedbackCategoryQuestion"),
    ];

    /// <summary>The channels staff register by hand; web synpunkter arrive by themselves.</summary>
    public static readonly CaseChannel[] RegisteredChannels = [CaseChannel.Letter, CaseChannel.Phone, CaseChannel.Visit, CaseChannel.Email];

    public static string CaseUrl(Guid id) => $"/arenden/{id}";
    public static string ReceiptUrl(string receipt) => $"/synpunkter/{Uri.EscapeDataString(receipt)}";

    public static string Status(IStringLocalizer t, CaseStatus status) => t["CaseStatus" + status];
    public static string Channel(IStringLocalizer t, CaseChannel channel) => t["CaseChannel" + channel];
    public static string Event(IStringLocalizer t, CaseEventKind kind) => t["CaseEvent" + kind];
    public static string Email(IStringLocalizer t, EmailStatus status) => t["CaseEmail" + status];

    public static string GoalArea(IStringLocalizer t, string? goalArea) =>
        goalArea is null ? t["CaseNoGoalArea"] : GoalAreas.Contains(goalArea) ? t["CaseGoalArea_" + goalArea] : goalArea;

    public static string Category(IStringLocalizer t, string category) =>
        Categories.FirstOrDefault(c => c.Value == category) is { Key: { } key } ? t[key] : category;

    public static string Date(DateOnly day) => AnalystFormat.Date(day);
    public static string Date(DateTimeOffset at) => AnalystFormat.Date(at);
    public static string DateTime(DateTimeOffset at) => AnalystFormat.DateTime(at);

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0", CultureInfo.CurrentCulture) + " %" : "–";
    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.CurrentCulture) : "–";

    static readonly Dictionary<string, string> ErrorKeys = new(StringComparer.Ordinal)
    {
        [ChannelInvalid] = "CaseErrorChannel",
        [ReceivedAtInvalid] = "CaseErrorReceivedAt",
        [CommitteeRequired] = "CaseErrorCommitteeRequired",
        [CommitteeTooLong] = "CaseErrorCommitteeTooLong",
        [AssigneeTooLong] = "CaseErrorAssigneeTooLong",
        [AnswerRequired] = "CaseErrorAnswerRequired",
        [NoEmailToSend] = "CaseErrorNoEmail",
        [TextTooLong] = "ResidentErrorTooLong",
        [TextMarkup] = "ResidentErrorMarkup",
        [TextControlCharacters] = "ResidentErrorControlCharacters",
        [CategoryRequired] = "ResidentFeedbackCategoryRequired",
        [GoalAreaUnknown] = "ResidentFeedbackGoalAreaUnknown",
        [DistrictTooLong] = "ResidentFeedbackDistrictTooLong",
        [FeedbackTextRequired] = "ResidentFeedbackTextRequired",
        [ContactTooLong] = "ResidentFeedbackContactTooLong",
        [EmailInvalid] = "ResidentFeedbackEmailInvalid",
        [ConsentRequired] = "ResidentFeedbackConsentRequired",
    };

    /// <summary>Our text for a field's error code, else Collection's own message for it; null when the field has neither.</summary>
    public static string? ForField(IStringLocalizer t, Services.ApiProblem problem, string field) =>
        problem.CodeFor(field) is { } code && ErrorKeys.TryGetValue(code, out var key) ? t[key] : problem.ErrorFor(field);

    /// <summary>A refusal that is not about one field, by its problem type: closed, not answered, changed meanwhile, gone.</summary>
    public static string Conflict(IStringLocalizer t, Services.ApiProblem problem) => problem switch
    {
        { IsUnreachable: true } => t["CaseServiceUnreachable"],
        { Type: "urn:medborgare:case-closed" } => t["CaseProblemClosed"],
        { Type: "urn:medborgare:case-not-answered" } => t["CaseProblemNotAnswered"],
        { Type: "urn:medborgare:concurrent-change" } => t["CaseProblemConcurrent"],
        { Type: "urn:medborgare:case-not-closed" } => t["CaseProblemNotClosed"],
        { Type: "urn:medborgare:case-without-goal-area" } => t["CaseProblemNoGoalArea"],
        { Type: "urn:medborgare:forbidden" } => t["CaseProblemForbidden"],
        { Type: "urn:medborgare:not-found" } or { IsNotFound: true } => t["CaseProblemNotFound"],
        { Status: 403 } => t["CaseProblemForbidden"],
        { Title: { } title } => title,
        _ => t["ActionFailedStatus", problem.Status],
    };
}
