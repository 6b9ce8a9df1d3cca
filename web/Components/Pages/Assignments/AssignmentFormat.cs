using System.Globalization;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.Web.Services;
using Microsoft.Extensions.Localization;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.Web.Components.Pages.Assignments;

/// <summary>Addresses, words and dates shared by the uppdrag pages, the action plans and the period report.</summary>
public static class AssignmentFormat
{
    public const string ListUrl = "/uppdrag";
    public const string NewUrl = "/uppdrag/nytt";
    public static string Url(Guid id) => $"/uppdrag/{id}";
    public static string GoalPlanUrl(Guid goalId) => $"/mal/{goalId}/handlingsplan";
    public static string ReportUrl(int year, ReportPeriod period, Guid? areaId = null) =>
        $"/rapport/{year}/{Slug(period)}" + (areaId is { } a ? $"?omrade={a}" : "");

    /// <summary>The period in an address: delarsrapport or arsredovisning.</summary>
    public static string Slug(ReportPeriod period) => period == ReportPeriod.Interim ? "delarsrapport" : "arsredovisning";

    public static ReportPeriod? FromSlug(string? slug) => slug?.ToLowerInvariant() switch
    {
        "delarsrapport" or "interim" => ReportPeriod.Interim,
        "arsredovisning" or "annual" => ReportPeriod.Annual,
        _ => null,
    };

    public static string StatusKey(WorkStatus status) => "UpStatus" + status;
    public static string PeriodKey(ReportPeriod period) => "UpPeriod" + period;
    public static string LatenessKey(Lateness lateness) => "UpLateness" + lateness;

    /// <summary>Who gives an uppdrag: the council, its executive board or a committee.</summary>
    public static readonly string[] Givers = ["KF", "KS", "Nämnd"];
    public static string GiverKey(string givenBy) => givenBy switch { "KF" => "UpGiverKF", "KS" => "UpGiverKS", "Nämnd" => "UpGiverCommittee", _ => "" };

    public static string Giver(IStringLocalizer t, string givenBy) => GiverKey(givenBy) is { Length: > 0 } key ? t[key] : givenBy;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Lateness said in words, with how many days past the end where that applies.</summary>
    public static string LatenessText(IStringLocalizer t, Lateness lateness, DateOnly end, DateOnly today) => lateness switch
    {
        Lateness.PastEnd => t["UpLatePastEnd", Math.Max(1, today.DayNumber - end.DayNumber)],
        Lateness.NotStarted => t["UpLateNotStarted"],
        _ => t["UpOnTime"],
    };

    /// <summary>What prompted an uppdrag, in one line: the factor (or indicator), its score and effect, and the survey year.</summary>
    public static string? PromptText(IStringLocalizer t, AssignmentPrompt? prompt)
    {
        if (prompt is null) return null;
        var what = prompt.FactorName ?? prompt.FactorKey ?? prompt.IndicatorKey;
        if (what is null) return null;
        var parts = new List<string> { what };
        if (prompt.FactorKey is { } key && prompt.FactorName is not null) parts[0] += $" ({key})";
        if (prompt.Score is { } score) parts.Add(t["UpPromptScore", FollowUpNumber(score)]);
        if (prompt.Effect is { } effect) parts.Add(t["UpPromptEffect", FollowUpNumber(effect)]);
        if (prompt.SurveyYear is { } year) parts.Add(t["UpPromptYear", year]);
        return string.Join(", ", parts);
    }

    static string FollowUpNumber(double value) => Politician.FollowUpFormat.Number(value);

    static readonly Dictionary<string, string> CodeKeys = new(StringComparer.Ordinal)
    {
        [Required] = "UpErrorRequired",
        [TooLong] = "UpErrorTooLong",
        [GoalRequired] = "UpErrorGoalRequired",
        [GoalUnknown] = "UpErrorGoalUnknown",
        ["deadline-required"] = "UpErrorDeadlineRequired",
        ["date-required"] = "UpErrorDateRequired",
        ["end-before-start"] = "UpErrorEndBeforeStart",
        ["date-out-of-range"] = "UpErrorDateOutOfRange",
        ["status-unknown"] = "UpErrorStatusUnknown",
        ["goal-is-vision"] = "UpErrorGoalIsVision",
        ["goal-not-committee-goal"] = "UpErrorGoalNotCommitteeGoal",
        ["indicator-unknown"] = "UpErrorIndicatorUnknown",
        ["too-many-indicators"] = "UpErrorTooManyIndicators",
        ["prompt-invalid"] = "UpErrorPromptInvalid",
    };

    /// <summary>
    /// Our text for a field's error, from FollowUp's code; a code we do not know yet gets a general text for the field, never
    /// nothing. Null when the service named no problem with the field.
    /// </summary>
    public static string? ForField(IStringLocalizer t, ApiProblem problem, string field)
    {
        if (problem.CodeFor(field) is { } code)
            return CodeKeys.TryGetValue(code, out var key) ? t[key].Value : t["UpErrorField"].Value;
        return problem.ErrorFor(field) is null ? null : t["UpErrorField"].Value;
    }

    /// <summary>
    /// The service's field errors as form errors (service field name → element id), in our words; returns the fields it took.
    /// </summary>
    public static IReadOnlyCollection<string> AddFrom(IStringLocalizer t, Shared.FormErrors errors, ApiProblem problem,
        IReadOnlyDictionary<string, string> fieldIds)
    {
        var taken = new List<string>();
        foreach (var (field, id) in fieldIds)
        {
            if (ForField(t, problem, field) is { } message && !errors.Has(id))
            {
                errors.Add(id, message);
                taken.Add(field);
            }
        }
        return taken;
    }
}
