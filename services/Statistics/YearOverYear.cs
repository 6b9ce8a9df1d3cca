namespace Medborgare.Statistics;

public enum ChangeDirection { NoSignificantChange, Increase, Decrease }

/// <summary>A change between two years: d = ŷ₂ − ŷ₁, SE_d = √(SE₁² + SE₂²), significant when |d| > 1.96·SE_d.</summary>
public sealed record YearComparison(int FromYear, int ToYear, double Difference, double StandardError, bool Significant, ChangeDirection Direction)
{
    /// <summary>What a politician reads: "statistiskt säkerställd ökning" etc.</summary>
    public string TextSv => Direction switch
    {
        ChangeDirection.Increase => "statistiskt säkerställd ökning",
        ChangeDirection.Decrease => "statistiskt säkerställd minskning",
        _ => "ingen statistiskt säkerställd förändring",
    };

    public string TextEn => Direction switch
    {
        ChangeDirection.Increase => "statistically significant increase",
        ChangeDirection.Decrease => "statistically significant decrease",
        _ => "no statistically significant change",
    };
}

public static class YearOverYear
{
    public static YearComparison Compare(int fromYear, double fromValue, double fromStandardError, int toYear, double toValue, double toStandardError)
    {
        var difference = toValue - fromValue;
        var se = Math.Sqrt(fromStandardError * fromStandardError + toStandardError * toStandardError);
        var significant = Math.Abs(difference) > Estimate.Z95 * se;
        var direction = !significant ? ChangeDirection.NoSignificantChange : difference > 0 ? ChangeDirection.Increase : ChangeDirection.Decrease;
        return new YearComparison(fromYear, toYear, difference, se, significant, direction);
    }
}
