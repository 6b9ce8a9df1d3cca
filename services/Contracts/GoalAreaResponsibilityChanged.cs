namespace Medborgare.Contracts;

/// <summary>
/// A goal area (målområde) of the goal chain has a responsible committee (nämnd), newly or changed. Collection routes
/// synpunkter in the area to it. Sent again unchanged is harmless: the newest <c>ChangedAt</c> wins.
/// </summary>
public sealed record GoalAreaResponsibilityChanged
{
    public required string MunicipalityCode { get; init; }
    public required string GoalAreaCode { get; init; }
    public required string GoalAreaTitle { get; init; }
    public required string Committee { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
