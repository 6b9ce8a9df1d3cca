namespace Medborgare.Statistics;

/// <summary>
/// The same estimates computed respondent by respondent, exactly as DESIGN §6 writes them (x_i, B, e_i, and the
/// stratum sums of squares around the stratum mean). O(n) per estimate: the recompute path and the check on
/// <see cref="CellEstimator"/>. It builds its own design weights and Σ d m mᵀ from the respondents.
/// </summary>
public sealed class RawEstimator
{
    readonly int[] cellOf;
    readonly double[][] values;
    readonly double[] d, g, w;
    readonly double[,] inverse;
    readonly CalibrationProjection columns;

    public RawEstimator(CalibratedWeights weights, AnalysisModel model, IReadOnlyList<RawRespondent> respondents)
    {
        Weights = weights;
        Model = model;
        var count = respondents.Count;
        cellOf = new int[count];
        values = new double[count][];
        var perStratum = new long[weights.Districts.Count];
        for (var i = 0; i < count; i++)
        {
            cellOf[i] = weights.IndexOf(respondents[i].Cell);
            values[i] = model.Derive(respondents[i].Answers);
            if (cellOf[i] >= 0) perStratum[CalibratedWeights.StratumOf(cellOf[i])]++;
        }
        d = new double[count];
        g = new double[count];
        w = new double[count];
        columns = weights.Projection;
        var a = new double[columns.Parameters, columns.Parameters];
        for (var i = 0; i < count; i++)
        {
            var c = cellOf[i];
            if (c < 0) continue;
            var h = CalibratedWeights.StratumOf(c);
            d[i] = weights.StratumPopulation[h] / perStratum[h];
            g[i] = weights.G[c];
            w[i] = g[i] * d[i];
            CalibrationProjection.AddOuter(a, columns.GroupColumn[c], columns.DistrictColumn[c], d[i]);
        }
        inverse = SymmetricInverse.Invert(a);
    }

    public CalibratedWeights Weights { get; }
    public AnalysisModel Model { get; }

    public Estimate? Mean(int variable, CellDomain domain) => Mean(variable, i => domain.Contains(cellOf[i]));

    /// <summary>The estimate over the respondents for whom <paramref name="inDomain"/> is true (by respondent index).</summary>
    public Estimate? Mean(int variable, Func<int, bool> inDomain)
    {
        var count = cellOf.Length;
        var inside = new bool[count];
        double totalWeight = 0, weightedSum = 0;
        long n = 0;
        for (var i = 0; i < count; i++)
        {
            if (cellOf[i] < 0 || double.IsNaN(values[i][variable]) || !inDomain(i)) continue;
            inside[i] = true;
            totalWeight += w[i];
            weightedSum += w[i] * values[i][variable];
            n++;
        }
        if (n == 0) return null;
        var mean = weightedSum / totalWeight;

        var x = new double[count];
        var rhs = new double[columns.Parameters];
        for (var i = 0; i < count; i++)
        {
            if (!inside[i]) continue;
            x[i] = w[i] * (values[i][variable] - mean) / totalWeight;
            var c = cellOf[i];
            rhs[columns.GroupColumn[c]] += x[i] / g[i];
            if (columns.DistrictColumn[c] >= 0) rhs[columns.DistrictColumn[c]] += x[i] / g[i];
        }
        var b = new double[columns.Parameters];
        SymmetricInverse.Multiply(inverse, rhs, b);

        var strata = Weights.Districts.Count;
        var e = new double[count];
        var stratumSum = new double[strata];
        var stratumCount = new long[strata];
        for (var i = 0; i < count; i++)
        {
            var c = cellOf[i];
            if (c < 0) continue;
            var fitted = b[columns.GroupColumn[c]] + (columns.DistrictColumn[c] >= 0 ? b[columns.DistrictColumn[c]] : 0);
            e[i] = x[i] - w[i] * fitted;
            stratumSum[CalibratedWeights.StratumOf(c)] += e[i];
            stratumCount[CalibratedWeights.StratumOf(c)]++;
        }
        var squares = new double[strata];
        for (var i = 0; i < count; i++)
        {
            if (cellOf[i] < 0) continue;
            var h = CalibratedWeights.StratumOf(cellOf[i]);
            var deviation = e[i] - stratumSum[h] / stratumCount[h];
            squares[h] += deviation * deviation;
        }
        double variance = 0;
        for (var h = 0; h < strata; h++)
        {
            double r = stratumCount[h];
            if (r < 2) continue;
            variance += (1 - r / Weights.StratumPopulation[h]) * r / (r - 1) * squares[h];
        }
        return new Estimate(mean, Math.Sqrt(variance), n, totalWeight);
    }

    /// <summary>The WLS slope of the overall value on the factor value, from centred respondent values.</summary>
    public (double Slope, long N)? Slope(int pair)
    {
        var (f, o) = (Model.Pairs[pair].Factor, Model.Pairs[pair].Overall);
        double sw = 0, swx = 0, swy = 0;
        long n = 0;
        for (var i = 0; i < cellOf.Length; i++)
        {
            if (cellOf[i] < 0 || double.IsNaN(values[i][f]) || double.IsNaN(values[i][o])) continue;
            sw += w[i];
            swx += w[i] * values[i][f];
            swy += w[i] * values[i][o];
            n++;
        }
        if (n < 2) return null;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < cellOf.Length; i++)
        {
            if (cellOf[i] < 0 || double.IsNaN(values[i][f]) || double.IsNaN(values[i][o])) continue;
            var dx = values[i][f] - swx / sw;
            sxy += w[i] * dx * (values[i][o] - swy / sw);
            sxx += w[i] * dx * dx;
        }
        return sxx <= 0 ? null : (sxy / sxx, n);
    }
}
