namespace Medborgare.Statistics;

/// <summary>
/// DESIGN §6's closed form, summed per cell. Within a cell every respondent has the same w, g and d, so with
/// n_c valid values, S_c = Σy and Q_c = Σy² in the domain:
///   W = Σ w_c n_c,  ŷ = Σ w_c S_c / W,
///   Σ_cell x = w_c (S_c − n_c ŷ)/W,  Σ_cell x² = w_c² (Q_c − 2ŷS_c + n_cŷ²)/W²,
///   B = (Σ d m mᵀ)⁻¹ Σ_c m_c (Σ_cell x)/g_c,  and with a_c = w_c m_cᵀB (the same for all r_c respondents):
///   Σ_cell e = Σ_cell x − r_c a_c,  Σ_cell e² = Σ_cell x² − 2a_c Σ_cell x + r_c a_c²,
///   V = Σ_h (1 − r_h/N_h) r_h/(r_h − 1) (Σ_h e² − (Σ_h e)²/r_h).
/// A stratum with one respondent adds nothing (R would stop on a lonely PSU instead).
/// </summary>
public static class Linearisation
{
    /// <summary>The estimate from per-cell sums laid out as <see cref="CalibratedWeights"/> cells; null when the domain has no valid value.</summary>
    public static Estimate? FromCellSums(CalibratedWeights weights, ReadOnlySpan<long> n, ReadOnlySpan<double> sum, ReadOnlySpan<double> sumOfSquares, CellDomain domain)
    {
        var cells = weights.CellCount;
        var w = weights.Weight;
        double totalWeight = 0, weightedSum = 0;
        long count = 0;
        for (var c = 0; c < cells; c++)
        {
            if (n[c] == 0 || !domain.Contains(c)) continue;
            totalWeight += w[c] * n[c];
            weightedSum += w[c] * sum[c];
            count += n[c];
        }
        if (count == 0) return null;
        var mean = weightedSum / totalWeight;

        var projection = weights.Projection;
        var p = projection.Parameters;
        Span<double> rhs = stackalloc double[p];
        Span<double> b = stackalloc double[p];
        var x = cells <= 2048 ? stackalloc double[cells] : new double[cells];
        var xx = cells <= 2048 ? stackalloc double[cells] : new double[cells];
        x.Clear();
        xx.Clear();
        rhs.Clear();
        for (var c = 0; c < cells; c++)
        {
            if (n[c] == 0 || !domain.Contains(c)) continue;
            x[c] = w[c] * (sum[c] - n[c] * mean) / totalWeight;
            xx[c] = w[c] * w[c] * (sumOfSquares[c] - 2 * mean * sum[c] + n[c] * mean * mean) / (totalWeight * totalWeight);
            var share = x[c] / weights.G[c];
            rhs[projection.GroupColumn[c]] += share;
            if (projection.DistrictColumn[c] >= 0) rhs[projection.DistrictColumn[c]] += share;
        }
        projection.Solve(rhs, b);

        double variance = 0;
        const int S = Demography.SexAgeCount;
        for (var h = 0; h < weights.Districts.Count; h++)
        {
            double e = 0, ee = 0;
            for (var c = h * S; c < (h + 1) * S; c++)
            {
                var r = weights.Respondents[c];
                if (r == 0) continue;
                var fitted = b[projection.GroupColumn[c]] + (projection.DistrictColumn[c] >= 0 ? b[projection.DistrictColumn[c]] : 0);
                var a = w[c] * fitted;
                e += x[c] - r * a;
                ee += xx[c] - 2 * a * x[c] + r * a * a;
            }
            var rh = (double)weights.StratumRespondents[h];
            if (rh < 2) continue;
            var squares = Math.Max(0, ee - e * e / rh);
            variance += (1 - rh / weights.StratumPopulation[h]) * rh / (rh - 1) * squares;
        }
        return new Estimate(mean, Math.Sqrt(variance), count, totalWeight);
    }
}
