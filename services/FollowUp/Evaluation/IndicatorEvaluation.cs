using Medborgare.Contracts;
using Medborgare.FollowUp.Model;
using Medborgare.FollowUp.Rules;

namespace Medborgare.FollowUp.Evaluation;

/// <summary>An indicator's value, target, status and trend for one period, with what its source adds.</summary>
public sealed record IndicatorEvaluation(
    Indicator Indicator,
    int Period,
    double? Value,
    double? PreviousValue,
    double? Target,
    IndicatorStatus Status,
    Trend Trend,
    CitizenDetail? Citizen,
    KeyFigureDetail? KeyFigure);

/// <summary>A published survey result: the estimate's margin of error and whether the change is significant.</summary>
public sealed record CitizenDetail(IndicatorKind Kind, double CiLow, double CiHigh, int N, ChangeSignificance Change, string SignificanceSv, string SignificanceEn);

/// <summary>A key figure next to the whole country and the peer municipalities. Null values are missing in Kolada.</summary>
public sealed record KeyFigureDetail(string? Kpi, string? Title, string KoladaStatus, bool Missing, ComparisonValue? Country,
    IReadOnlyList<ComparisonValue> Peers, double? Women, double? Men, bool HandEntered);

public sealed record ComparisonValue(string Municipality, double? Value, string Status);
