using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Planning;

/// <summary>
/// Builds the uppdrag as the API shows them: with lateness as of today, their activities, and their reports with the
/// indicator movements computed at reading time, so that a report shows the figures as published now.
/// </summary>
static class AssignmentViews
{
    public static AssignmentDto ToDto(this Assignment a, IReadOnlyList<Goal> goals, DateOnly today)
    {
        var goal = goals.FirstOrDefault(g => g.Id == a.GoalId);
        var area = IndicatorEvaluator.GoalAreas(goals).GetValueOrDefault(a.GoalId);
        return new AssignmentDto(a.Id, a.GoalId, goal?.Title ?? "", area?.Id, a.Title, a.Text, a.GivenBy, a.ResponsibleCommittee, a.Deadline, a.Status,
            LatenessRules.OfAssignment(a.Status, a.Deadline, today), a.Prompt(), a.CreatedBy, a.CreatedAt, a.UpdatedAt);
    }

    public static AssignmentPrompt? Prompt(this Assignment a) =>
        a.PromptSurveyYear is null && a.PromptIndicatorKey is null && a.PromptFactorKey is null && a.PromptOverallKey is null
            ? null
            : new AssignmentPrompt(a.PromptSurveyYear, a.PromptIndicatorKey, a.PromptOverallKey, a.PromptFactorKey, a.PromptFactorName, a.PromptScore, a.PromptEffect);

    public static ActivityDto ToDto(this PlanActivity a, DateOnly today) => new(a.Id, a.AssignmentId, a.GoalId, a.Title, a.Owner, a.Start, a.End,
        a.Status, LatenessRules.OfActivity(a.Status, a.Start, a.End, today), [.. a.IndicatorIds], a.UpdatedAt);

    public static Task<List<Goal>> GoalsAsync(this FollowUpDbContext db, string municipality, CancellationToken ct) =>
        db.Goals.AsNoTracking().Where(g => g.MunicipalityCode == municipality).ToListAsync(ct);

    /// <summary>
    /// The views of the given uppdrag: activities in date order, and their reports (all, or only those of <paramref name="only"/>).
    /// </summary>
    public static async Task<AssignmentView[]> LoadAsync(FollowUpDbContext db, IndicatorEvaluator evaluator, string municipality,
        IReadOnlyList<Assignment> assignments, IReadOnlyList<Goal> goals, DateOnly today, (int Year, ReportPeriod Period)? only, CancellationToken ct)
    {
        var ids = assignments.Select(a => a.Id).ToArray();
        var activities = await db.PlanActivities.AsNoTracking().Where(a => a.AssignmentId != null && ids.Contains(a.AssignmentId.Value))
            .OrderBy(a => a.Start).ThenBy(a => a.Title).ToListAsync(ct);
        var reports = db.AssignmentReports.AsNoTracking().Where(r => ids.Contains(r.AssignmentId));
        if (only is { } o) reports = reports.Where(r => r.Year == o.Year && r.Period == o.Period);
        var reportList = await reports.OrderBy(r => r.Year).ThenBy(r => r.Period).ToListAsync(ct);
        var movements = new Movements(db, evaluator, municipality, goals);
        var byAssignment = activities.ToLookup(a => a.AssignmentId!.Value);
        var views = new List<AssignmentView>(assignments.Count);
        foreach (var assignment in assignments)
        {
            var own = byAssignment[assignment.Id].ToList();
            var dtos = new List<AssignmentReportDto>();
            foreach (var report in reportList.Where(r => r.AssignmentId == assignment.Id))
                dtos.Add(report.ToDto(await movements.ForAsync(assignment, own, report.Year, ct)));
            views.Add(new AssignmentView(assignment.ToDto(goals, today), own.Select(a => a.ToDto(today)).ToArray(), [.. dtos]));
        }
        return [.. views];
    }

    public static async Task<AssignmentReportDto> ReportAsync(FollowUpDbContext db, IndicatorEvaluator evaluator, string municipality,
        Assignment assignment, AssignmentReport report, CancellationToken ct)
    {
        var goals = await db.GoalsAsync(municipality, ct);
        var activities = await db.PlanActivities.AsNoTracking().Where(a => a.AssignmentId == assignment.Id).ToListAsync(ct);
        return report.ToDto(await new Movements(db, evaluator, municipality, goals).ForAsync(assignment, activities, report.Year, ct));
    }

    static AssignmentReportDto ToDto(this AssignmentReport r, IndicatorMovement[] indicators) =>
        new(r.AssignmentId, r.Year, r.Period, r.Done, r.Status, indicators, r.WrittenBy, r.WrittenAt);

    /// <summary>
    /// The indicators a report draws in: the mätetal of the uppdrag's activities, and the citizen and synpunkter indicators of
    /// its goal. Evaluated once per year for all uppdrag of a request.
    /// </summary>
    sealed class Movements(FollowUpDbContext db, IndicatorEvaluator evaluator, string municipality, IReadOnlyList<Goal> goals)
    {
        List<Indicator>? indicators;
        readonly Dictionary<int, Dictionary<Guid, IndicatorEvaluation>> byYear = [];

        public async Task<IndicatorMovement[]> ForAsync(Assignment assignment, IReadOnlyList<PlanActivity> activities, int year, CancellationToken ct)
        {
            indicators ??= await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => i.MunicipalityCode == municipality)
                .OrderBy(i => i.SortOrder).ThenBy(i => i.Name).ToListAsync(ct);
            if (!byYear.TryGetValue(year, out var evaluated))
            {
                var all = await evaluator.EvaluateAsync(municipality, indicators, goals, year, ct);
                byYear[year] = evaluated = all.ToDictionary(e => e.Indicator.Id);
            }
            var linked = activities.SelectMany(a => a.IndicatorIds).ToHashSet();
            return indicators
                .Where(i => linked.Contains(i.Id) || (i.GoalId == assignment.GoalId && i.Source is IndicatorSource.Citizen or IndicatorSource.Feedback))
                .Select(i => evaluated[i.Id])
                .Select(e => new IndicatorMovement(e.Indicator.Id, e.Indicator.Name, e.Indicator.Source, e.Indicator.SourceKey, e.Indicator.Unit,
                    e.Value, e.PreviousValue, e.Target, e.Status, e.Trend, e.Citizen))
                .ToArray();
        }
    }
}
