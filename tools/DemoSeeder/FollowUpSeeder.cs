using System.Globalization;
using System.Text.Json;

namespace Medborgare.DemoSeeder;

/// <summary>What the goal follow-up of the demo holds.</summary>
public sealed record FollowUpSummary(int Goals, int Indicators, int KeyFigureRows, int Kpis);

/// <summary>The goal chain, the indicators with yearly targets and the key-figure imports, through FollowUp's admin API.</summary>
sealed class FollowUpSeeder(DemoOptions options, DemoHttp http)
{
    public async Task<FollowUpSummary> RunAsync(IReadOnlyList<int> keyFigureYears, CancellationToken ct)
    {
        var goals = 0;
        var indicators = 0;
        async Task CreateAsync(FollowUpPlan.GoalPlan goal, Guid? parentId, int sortOrder)
        {
            var created = await http.StaffAsync(HttpMethod.Post, options.FollowUp, "/api/goals", new
            {
                level = goal.Level, parentId, code = goal.Code, title = goal.Title, text = goal.Text, responsibleBody = goal.ResponsibleBody, sortOrder,
            }, ct);
            var id = created.GetProperty("id").GetGuid();
            goals++;
            for (var i = 0; i < goal.Indicators.Count; i++)
            {
                var plan = goal.Indicators[i];
                await http.StaffAsync(HttpMethod.Post, options.FollowUp, "/api/indicators", new
                {
                    goalId = id, name = plan.Name, source = plan.Source, sourceKey = plan.Key, unit = plan.Unit,
                    direction = plan.LowerIsBetter ? "LowerIsBetter" : "HigherIsBetter", tolerance = plan.Tolerance, splitBySex = plan.SplitBySex,
                    sortOrder = i,
                    targets = keyFigureYears.Select((year, t) => new { period = year, target = Math.Round(plan.Target + plan.TargetStep * t, 2) }).ToArray(),
                }, ct);
                indicators++;
            }
            for (var i = 0; i < goal.Children.Count; i++) await CreateAsync(goal.Children[i], id, i);
        }
        await CreateAsync(FollowUpPlan.Vision, null, 0);
        options.Output.WriteLine($"demo        | goal chain: {goals} goals (vision, goal areas, KF-mål, nämndmål) with {indicators} indicators");

        var kpis = await http.StaffRawAsync(HttpMethod.Post, options.FollowUp, "/api/keyfigures/imports/file?content=kpis",
            KeyFigurePlan.KpiDocument(keyFigureYears[^1]), ct);
        var values = await http.StaffRawAsync(HttpMethod.Post, options.FollowUp, "/api/keyfigures/imports/file?content=values",
            KeyFigurePlan.ValuesDocument(keyFigureYears, options.MunicipalityCode, options.Peers, options.Seed), ct);
        var rows = values.GetProperty("rows").GetInt32();
        options.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demo        | key figures: {KeyFigurePlan.Kpis.Count} KPIs, {keyFigureYears[0]}–{keyFigureYears[^1]}, {rows} values for {options.MunicipalityCode}, 0000 and {string.Join(", ", options.Peers)}"));
        return new FollowUpSummary(goals, indicators, rows, Count(kpis, "kpisDescribed"));
    }

    static int Count(JsonElement import, string property) => import.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
}
