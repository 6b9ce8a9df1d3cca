namespace Medborgare.FollowUp.Model;

/// <summary>An indicator that shows whether a goal is met.</summary>
public sealed class Indicator
{
    public Guid Id { get; set; }
    public required string MunicipalityCode { get; set; }
    public Guid GoalId { get; set; }
    public required string Name { get; set; }
    public IndicatorSource Source { get; set; }
    /// <summary>The survey indicator key (citizen) or the Kolada KPI id (operational); null for feedback and hand-entered figures.</summary>
    public string? SourceKey { get; set; }
    public string Unit { get; set; } = "";
    public Direction Direction { get; set; }
    /// <summary>How far from the target still counts as yellow, in the indicator's unit.</summary>
    public double Tolerance { get; set; }
    /// <summary>Show women's and men's values too (key figures divided by gender).</summary>
    public bool SplitBySex { get; set; }
    public int SortOrder { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Årsmål: the indicator's target for one period (year).</summary>
public sealed class IndicatorTarget
{
    public Guid IndicatorId { get; set; }
    public int Period { get; set; }
    public double Target { get; set; }
}

/// <summary>A key figure entered by hand for an operational indicator without a Kolada KPI.</summary>
public sealed class ManualValue
{
    public Guid IndicatorId { get; set; }
    public int Period { get; set; }
    public double? Value { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}
