using Medborgare.Statistics;
using Wire = Medborgare.ApiContracts.Analysis;

namespace Medborgare.Analysis.Results;

/// <summary>
/// The statistics kernel's figures as the HTTP API's records (Medborgare.ApiContracts.Analysis): the same names and values, so
/// the kernel's types never go on the wire themselves.
/// </summary>
public static class WireMapping
{
    public static Wire.CalibrationStatus ToWire(this CalibrationStatus status) => status switch
    {
        CalibrationStatus.Converged => Wire.CalibrationStatus.Converged,
        CalibrationStatus.NotConverged => Wire.CalibrationStatus.NotConverged,
        CalibrationStatus.Infeasible => Wire.CalibrationStatus.Infeasible,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Wire.IndicatorKind ToWire(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Overall => Wire.IndicatorKind.Overall,
        IndicatorKind.Factor => Wire.IndicatorKind.Factor,
        IndicatorKind.Item => Wire.IndicatorKind.Item,
        IndicatorKind.Share => Wire.IndicatorKind.Share,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Wire.SuppressionReason ToWire(this SuppressionReason reason) => reason switch
    {
        SuppressionReason.None => Wire.SuppressionReason.None,
        SuppressionReason.Primary => Wire.SuppressionReason.Primary,
        SuppressionReason.Secondary => Wire.SuppressionReason.Secondary,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static Wire.Quadrant ToWire(this Quadrant quadrant) => quadrant switch
    {
        Quadrant.Prioritera => Wire.Quadrant.Prioritera,
        Quadrant.Bevara => Wire.Quadrant.Bevara,
        Quadrant.ForbattraOmMojligt => Wire.Quadrant.ForbattraOmMojligt,
        Quadrant.LagrePrioritet => Wire.Quadrant.LagrePrioritet,
        _ => throw new ArgumentOutOfRangeException(nameof(quadrant), quadrant, null),
    };

    public static Wire.ChangeDirection ToWire(this ChangeDirection direction) => direction switch
    {
        ChangeDirection.NoSignificantChange => Wire.ChangeDirection.NoSignificantChange,
        ChangeDirection.Increase => Wire.ChangeDirection.Increase,
        ChangeDirection.Decrease => Wire.ChangeDirection.Decrease,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static Wire.CollapsedGroupDto ToWire(this CollapsedGroup g) => new(g.Sex, g.AgeGroups, g.Label);

    public static Wire.PriorityMatrixDto ToWire(this PriorityMatrix m) => new(m.OverallKey, m.MeanScore, m.MeanEffect,
        [.. m.Factors.Select(f => new Wire.PriorityFactorDto(f.FactorKey, f.Score, f.Effect, f.N, f.Quadrant.ToWire(), f.QuadrantLabel))]);

    public static Wire.TrendPointDto ToWire(this TrendPoint p) => new(p.Year, p.Value, p.StandardError, p.N);

    public static Wire.YearComparisonDto ToWire(this YearComparison c) =>
        new(c.FromYear, c.ToYear, c.Difference, c.StandardError, c.Significant, c.Direction.ToWire(), c.TextSv, c.TextEn);

    public static Wire.TrendDto ToWire(this IndicatorTrend t) => new(t.Key, [.. t.Years.Select(ToWire)], [.. t.Comparisons.Select(ToWire)]);
}
