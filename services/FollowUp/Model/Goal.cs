namespace Medborgare.FollowUp.Model;

/// <summary>One node of the goal chain. Each level except the vision hangs under a node one level up.</summary>
public sealed class Goal
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public GoalLevel Level { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Short stable key of a goal area (e.g. <c>trygghet</c>); survey goal-area tags and feedback categories match it.</summary>
    public string? Code { get; set; }
    public required string Title { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The responsible body: kommunfullmäktige, or the nämnd that owns a committee goal.</summary>
    public required string ResponsibleBody { get; set; }
    public int SortOrder { get; set; }
    /// <summary>
    /// For a goal area: the code, title and responsible body last put in the outbox as <c>GoalAreaResponsibilityChanged</c>
    /// (see <see cref="GoalAreaResponsibility"/>), so a change is announced once and an area from before the message existed
    /// is announced by the start-up sweep. Null when nothing was sent yet.
    /// </summary>
    public string? PublishedResponsibility { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
