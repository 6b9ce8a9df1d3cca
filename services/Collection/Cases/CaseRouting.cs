namespace Medborgare.Collection.Cases;

/// <summary>
/// Proposes the committee (nämnd) for a synpunkt: the goal area's responsible committee in the goal chain, else the
/// category's configured committee, else the default. Staff can always route it elsewhere.
/// </summary>
public static class CaseRouting
{
    public static string Propose(string? goalArea, string category, IReadOnlyDictionary<string, string> goalAreaCommittees, CaseOptions options)
    {
        if (goalArea is not null && goalAreaCommittees.TryGetValue(goalArea, out var byArea) && !string.IsNullOrWhiteSpace(byArea)) return byArea;
        if (options.CategoryCommittees.TryGetValue(category, out var byCategory) && !string.IsNullOrWhiteSpace(byCategory)) return byCategory;
        return options.DefaultCommittee;
    }
}
