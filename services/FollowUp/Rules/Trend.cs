using Medborgare.Contracts;
using Medborgare.FollowUp.Model;

namespace Medborgare.FollowUp.Rules;

public static class TrendRules
{
    /// <summary>
    /// Key figures have no sampling error, but they move a little every year. A change counts only when it exceeds
    /// 1 % of the previous value (and, when the previous value is 0, any change at all counts).
    /// </summary>
    public const double KeyFigureRelativeThreshold = 0.01;

    /// <summary>
    /// A survey indicator has changed only when the change is statistically significant (Analysis decides that, with
    /// |d| &gt; 1.96·SE_d). A significant increase is an improvement when higher is better, and worse when lower is.
    /// </summary>
    public static Trend ForSurvey(ChangeSignificance change, Direction direction) => change switch
    {
        ChangeSignificance.SignificantIncrease => direction == Direction.HigherIsBetter ? Trend.Improved : Trend.Worse,
        ChangeSignificance.SignificantDecrease => direction == Direction.HigherIsBetter ? Trend.Worse : Trend.Improved,
        ChangeSignificance.NotSignificant => Trend.Unchanged,
        _ => Trend.Unknown,
    };

    /// <summary>Key figures and feedback counts: see <see cref="KeyFigureRelativeThreshold"/>.</summary>
    public static Trend ForKeyFigure(double? previous, double? current, Direction direction)
    {
        if (previous is not { } p || current is not { } c || !double.IsFinite(p) || !double.IsFinite(c)) return Trend.Unknown;
        var change = c - p;
        var threshold = KeyFigureRelativeThreshold * Math.Abs(p);
        if (Math.Abs(change) <= threshold + 1e-12) return Trend.Unchanged;
        var up = change > 0;
        return up == (direction == Direction.HigherIsBetter) ? Trend.Improved : Trend.Worse;
    }
}
