namespace Medborgare.Statistics;

/// <summary>
/// The residualisation on the calibration variables that R's <c>survey</c> applies to influence values of a
/// calibrated design: B = (Σ d m mᵀ)⁻¹ Σ m x / g, with m = intercept + (sex × age) dummies + district dummies.
/// The span of m is the span of one dummy per (collapsed) sex-age category plus one per district but the first,
/// so those are the columns used. Σ d m mᵀ depends only on the cells' respondent counts: it is built once.
/// </summary>
internal sealed class CalibrationProjection
{
    readonly double[,] inverse;

    public CalibrationProjection(CalibratedWeights weights)
    {
        var groups = weights.GroupLabels.Length;
        Parameters = groups + weights.Districts.Count - 1;
        GroupColumn = new int[weights.CellCount];
        DistrictColumn = new int[weights.CellCount];
        var a = new double[Parameters, Parameters];
        for (var c = 0; c < weights.CellCount; c++)
        {
            var h = CalibratedWeights.StratumOf(c);
            GroupColumn[c] = weights.Group[c];
            DistrictColumn[c] = h == 0 ? -1 : groups + h - 1;
            if (weights.Respondents[c] == 0) continue;
            AddOuter(a, GroupColumn[c], DistrictColumn[c], weights.DesignWeight[c] * weights.Respondents[c]);
        }
        inverse = SymmetricInverse.Invert(a);
    }

    public int Parameters { get; }
    public int[] GroupColumn { get; }
    public int[] DistrictColumn { get; }

    /// <summary>Adds weight · m mᵀ for the dummy vector with ones at columns <paramref name="group"/> and <paramref name="district"/> (-1 = none).</summary>
    internal static void AddOuter(double[,] a, int group, int district, double weight)
    {
        a[group, group] += weight;
        if (district < 0) return;
        a[district, district] += weight;
        a[group, district] += weight;
        a[district, group] += weight;
    }

    public void Solve(ReadOnlySpan<double> rhs, Span<double> b) => SymmetricInverse.Multiply(inverse, rhs, b);
}

/// <summary>A generalised inverse of a symmetric positive semi-definite matrix, enough for least-squares projections.</summary>
internal static class SymmetricInverse
{
    /// <summary>
    /// Drops the columns that a pivoted Cholesky finds dependent on earlier ones (they add nothing to the span),
    /// inverts the rest by Gauss–Jordan, and leaves zeros for the dropped ones.
    /// </summary>
    public static double[,] Invert(double[,] a)
    {
        var p = a.GetLength(0);
        var l = new double[p, p];
        var kept = new List<int>();
        for (var j = 0; j < p; j++)
        {
            var s = a[j, j];
            foreach (var k in kept) s -= l[j, k] * l[j, k];
            if (a[j, j] <= 0 || s <= 1e-10 * a[j, j]) continue;
            l[j, j] = Math.Sqrt(s);
            for (var i = j + 1; i < p; i++)
            {
                var t = a[i, j];
                foreach (var k in kept) t -= l[i, k] * l[j, k];
                l[i, j] = t / l[j, j];
            }
            kept.Add(j);
        }

        var q = kept.Count;
        var m = new double[q, 2 * q];
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < q; j++) m[i, j] = a[kept[i], kept[j]];
            m[i, q + i] = 1;
        }
        for (var col = 0; col < q; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < q; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col) for (var j = 0; j < 2 * q; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            var d = m[col, col];
            for (var j = 0; j < 2 * q; j++) m[col, j] /= d;
            for (var r = 0; r < q; r++)
            {
                if (r == col || m[r, col] == 0) continue;
                var f = m[r, col];
                for (var j = 0; j < 2 * q; j++) m[r, j] -= f * m[col, j];
            }
        }
        var inverse = new double[p, p];
        for (var i = 0; i < q; i++)
            for (var j = 0; j < q; j++) inverse[kept[i], kept[j]] = m[i, q + j];
        return inverse;
    }

    public static void Multiply(double[,] inverse, ReadOnlySpan<double> x, Span<double> result)
    {
        var p = inverse.GetLength(0);
        for (var i = 0; i < p; i++)
        {
            double s = 0;
            for (var j = 0; j < p; j++) s += inverse[i, j] * x[j];
            result[i] = s;
        }
    }
}
