namespace Medborgare.Statistics;

/// <summary>
/// Estimates from per-cell sufficient statistics: the aggregates laid out densely (variable-major, over the
/// calibrated cells) once, then every estimate is O(cells + parameters²).
/// </summary>
public sealed class CellEstimator
{
    readonly int cells;
    readonly long[] n;
    readonly double[] sum, squares;
    readonly long[] pairN;
    readonly double[] pairX, pairY, pairXX, pairXY;

    public CellEstimator(CalibratedWeights weights, CellAggregates aggregates)
    {
        Weights = weights;
        Model = aggregates.Model;
        cells = weights.CellCount;
        var variables = Model.Variables.Count;
        var pairs = Model.Pairs.Count;
        n = new long[variables * cells];
        sum = new double[variables * cells];
        squares = new double[variables * cells];
        pairN = new long[pairs * cells];
        pairX = new double[pairs * cells];
        pairY = new double[pairs * cells];
        pairXX = new double[pairs * cells];
        pairXY = new double[pairs * cells];
        foreach (var (cell, s) in aggregates.Cells)
        {
            var c = weights.IndexOf(cell);
            if (c < 0) continue;
            for (var v = 0; v < variables; v++)
            {
                n[v * cells + c] = s.N[v];
                sum[v * cells + c] = s.Sum[v];
                squares[v * cells + c] = s.SumOfSquares[v];
            }
            for (var p = 0; p < pairs; p++)
            {
                pairN[p * cells + c] = s.PairN[p];
                pairX[p * cells + c] = s.PairSumX[p];
                pairY[p * cells + c] = s.PairSumY[p];
                pairXX[p * cells + c] = s.PairSumXX[p];
                pairXY[p * cells + c] = s.PairSumXY[p];
            }
        }
    }

    public CalibratedWeights Weights { get; }
    public AnalysisModel Model { get; }

    public Estimate? Mean(int variable, CellDomain domain) =>
        Linearisation.FromCellSums(Weights, n.AsSpan(variable * cells, cells), sum.AsSpan(variable * cells, cells),
            squares.AsSpan(variable * cells, cells), domain);

    public Estimate? Mean(string variableKey, CellDomain domain) => Mean(Model.VariableIndex[variableKey], domain);

    /// <summary>Valid values of a variable in a domain, without estimating (for suppression).</summary>
    public long Count(int variable, CellDomain domain)
    {
        long count = 0;
        for (var c = 0; c < cells; c++) if (domain.Contains(c)) count += n[variable * cells + c];
        return count;
    }

    /// <summary>
    /// The weighted least-squares slope of the overall index value on the factor value (raw scales) over
    /// respondents with both: β = (Σw·Σwxy − Σwx·Σwy) / (Σw·Σwx² − (Σwx)²), summed per cell.
    /// </summary>
    public (double Slope, long N)? Slope(int pair)
    {
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        long count = 0;
        for (var c = 0; c < cells; c++)
        {
            var i = pair * cells + c;
            if (pairN[i] == 0) continue;
            var w = Weights.Weight[c];
            sw += w * pairN[i];
            swx += w * pairX[i];
            swy += w * pairY[i];
            swxx += w * pairXX[i];
            swxy += w * pairXY[i];
            count += pairN[i];
        }
        var denominator = sw * swxx - swx * swx;
        if (count < 2 || denominator <= 1e-12 * sw * swxx) return null;
        return ((sw * swxy - swx * swy) / denominator, count);
    }
}
