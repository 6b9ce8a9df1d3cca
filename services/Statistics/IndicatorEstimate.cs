namespace Medborgare.Statistics;

public enum IndicatorKind { Overall, Factor, Item, Share }

/// <summary>
/// One published figure. <see cref="Value"/> is on 0–100: index points ((ŷ − min)/(max − min)·100) for overall
/// indices, factors and items, percent for shares; its SE and 95% CI are on the same scale. <see cref="Mean"/> is
/// the weighted mean on the answer scale (the share as a proportion).
/// </summary>
public sealed record IndicatorEstimate(string Key, IndicatorKind Kind, double Value, double StandardError, long N, double Mean, double MeanStandardError)
{
    public double CiLow => Value - Estimate.Z95 * StandardError;
    public double CiHigh => Value + Estimate.Z95 * StandardError;

    /// <summary>"inte godkänt" below 40, "nöjd" from 55, "mycket nöjd" from 75, none in between; only for indices.</summary>
    public string? Label => Kind == IndicatorKind.Share ? null : Labels.Swedish(Value);
    public string? LabelEn => Kind == IndicatorKind.Share ? null : Labels.English(Value);

    public static IndicatorEstimate From(Variable variable, Estimate estimate)
    {
        var scale = 100 / (variable.Max - variable.Min);
        var kind = variable.Kind switch
        {
            VariableKind.Overall => IndicatorKind.Overall,
            VariableKind.Factor => IndicatorKind.Factor,
            VariableKind.Share => IndicatorKind.Share,
            _ => IndicatorKind.Item,
        };
        return new IndicatorEstimate(variable.Key, kind, (estimate.Mean - variable.Min) * scale, estimate.StandardError * scale,
            estimate.N, estimate.Mean, estimate.StandardError);
    }
}

public static class Labels
{
    public static string? Swedish(double index) => index < 40 ? "inte godkänt" : index >= 75 ? "mycket nöjd" : index >= 55 ? "nöjd" : null;
    public static string? English(double index) => index < 40 ? "not approved" : index >= 75 ? "very satisfied" : index >= 55 ? "satisfied" : null;
}
