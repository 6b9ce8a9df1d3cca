namespace Medborgare.ApiContracts.FollowUp;

// FollowUp's goal assessments (/api/goals/{id}/assessments/{period}): the proposal from the indicators and the officer's override.

/// <summary>Måluppfyllelse: uppfyllt / delvis uppfyllt / ej uppfyllt.</summary>
public enum Assessment { Met, PartlyMet, NotMet }

/// <summary>The officer's assessment, or null to follow the proposal, with an analysis text.</summary>
public sealed record OverrideRequest(Assessment? Assessment, string? AnalysisText);

public sealed record StatusCounts(int Green, int Yellow, int Red, int Grey);

public sealed record AssessmentDto(Guid GoalId, int Period, Assessment? Proposed, Assessment? Override, Assessment? Effective,
    string EffectiveSv, string EffectiveEn, string? AnalysisText, Assessment? ProposalWhenOverridden, string? ProposedBy,
    DateTimeOffset? ProposedAt, string? OverriddenBy, DateTimeOffset? OverriddenAt, StatusCounts Indicators);
