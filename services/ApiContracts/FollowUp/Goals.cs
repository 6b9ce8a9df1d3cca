namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's goal chain (/api/goals): vision → målområde → kommunfullmäktiges mål → nämndmål. Enums travel as their names.

/// <summary>The levels of the goal chain (styrkedja), from the top down.</summary>
public enum GoalLevel
{
    /// <summary>Vision: the municipality's long-term vision.</summary>
    Vision,
    /// <summary>Målområde: a top-level goal area in the municipal budget.</summary>
    GoalArea,
    /// <summary>Kommunfullmäktiges mål: a goal set by the council under a goal area.</summary>
    CouncilGoal,
    /// <summary>Nämndmål: a committee's own goal under a council goal.</summary>
    CommitteeGoal,
}

public sealed record GoalRequest(GoalLevel? Level, Guid? ParentId, string? Code, string? Title, string? Text, string? ResponsibleBody, int? SortOrder);

public sealed record GoalDto(Guid Id, GoalLevel Level, Guid? ParentId, string? Code, string Title, string Text, string ResponsibleBody,
    int SortOrder, DateTimeOffset UpdatedAt);
