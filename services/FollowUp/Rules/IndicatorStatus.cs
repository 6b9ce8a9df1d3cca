using Medborgare.FollowUp.Model;

namespace Medborgare.FollowUp.Rules;

public static class StatusRules
{
    /// <summary>
    /// The status of a value against its target. The tolerance band is inclusive at both edges: exactly on the
    /// target is green, exactly one tolerance short of it is yellow. A negative or non-finite tolerance counts as 0.
    /// </summary>
    public static IndicatorStatus Status(double? value, double? target, double tolerance, Direction direction)
    {
        if (value is not { } v || target is not { } t || !double.IsFinite(v) || !double.IsFinite(t)) return IndicatorStatus.Grey;
        var tol = double.IsFinite(tolerance) && tolerance > 0 ? tolerance : 0;
        // How far the value falls short of the target, in the direction that is worse.
        var shortfall = direction == Direction.HigherIsBetter ? t - v : v - t;
        // Rounding noise (e.g. 74.1 - 0.1) must not push a value on the edge into the worse colour.
        var eps = 1e-9 * Math.Max(1, Math.Max(Math.Abs(t), Math.Abs(v)));
        if (shortfall <= eps) return IndicatorStatus.Green;
        if (shortfall <= tol + eps) return IndicatorStatus.Yellow;
        return IndicatorStatus.Red;
    }
}
