namespace Medborgare.Collection.Model;

/// <summary>The committee (nämnd) responsible for a goal area, as the goal chain in FollowUp says.</summary>
public sealed class CommitteeRoute
{
    public required string MunicipalityCode { get; set; }
    public required string GoalArea { get; set; }
    public required string GoalAreaTitle { get; set; }
    public required string Committee { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
