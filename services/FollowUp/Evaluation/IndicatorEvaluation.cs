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
