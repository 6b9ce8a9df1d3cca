namespace Medborgare.Statistics;

/// <summary>
/// Sufficient statistics of one calibration cell: respondents, and per variable the count of valid values, Σy
/// and Σy². For the priority matrix, per (factor, overall) pair over respondents with both values: n, Σx, Σy,
/// Σx², Σxy, Σy². Every calibrated weight in a cell is the same, so these are all the report needs.
/// </summary>
public sealed class CellStatistics
{
    internal CellStatistics(int variables, int pairs)
    {
        N = new long[variables];
        Sum = new double[variables];
        SumOfSquares = new double[variables];
        PairN = new long[pairs];
        PairSumX = new double[pairs];
        PairSumY = new double[pairs];
        PairSumXX = new double[pairs];
        PairSumXY = new double[pairs];
        PairSumYY = new double[pairs];
    }

    public long Respondents { get; internal set; }
    public long[] N { get; }
    public double[] Sum { get; }
    public double[] SumOfSquares { get; }
    public long[] PairN { get; }
    public double[] PairSumX { get; }
    public double[] PairSumY { get; }
    public double[] PairSumXX { get; }
    public double[] PairSumXY { get; }
    public double[] PairSumYY { get; }

    internal void Add(CellStatistics other)
    {
        Respondents += other.Respondents;
        for (var v = 0; v < N.Length; v++)
        {
            N[v] += other.N[v];
            Sum[v] += other.Sum[v];
            SumOfSquares[v] += other.SumOfSquares[v];
        }
        for (var p = 0; p < PairN.Length; p++)
        {
            PairN[p] += other.PairN[p];
            PairSumX[p] += other.PairSumX[p];
            PairSumY[p] += other.PairSumY[p];
            PairSumXX[p] += other.PairSumXX[p];
            PairSumXY[p] += other.PairSumXY[p];
            PairSumYY[p] += other.PairSumYY[p];
        }
    }
}

/// <summary>
/// Per-cell sufficient statistics of a survey, updatable one response at a time and mergeable (sums commute),
/// so a live aggregate, a merge of partial aggregates and a recompute from raw responses agree.
/// </summary>
public sealed class CellAggregates(AnalysisModel model)
{
    readonly Dictionary<Cell, CellStatistics> cells = [];

    public AnalysisModel Model { get; } = model;
    public IReadOnlyDictionary<Cell, CellStatistics> Cells => cells;
    public long Respondents => cells.Values.Sum(c => c.Respondents);

    /// <summary>Adds one response: answers aligned to <see cref="AnalysisModel.Items"/>, NaN = missing.</summary>
    public void Add(Cell cell, ReadOnlySpan<double> answers)
    {
        Span<double> values = Model.Variables.Count <= 512 ? stackalloc double[Model.Variables.Count] : new double[Model.Variables.Count];
        Model.Derive(answers, values);
        AddDerived(cell, values);
    }

    /// <summary>Adds one response whose variables are already derived (<see cref="AnalysisModel.Derive(ReadOnlySpan{double}, Span{double})"/>).</summary>
    public void AddDerived(Cell cell, ReadOnlySpan<double> values)
    {
        var s = For(cell);
        s.Respondents++;
        for (var v = 0; v < values.Length; v++)
        {
            var y = values[v];
            if (double.IsNaN(y)) continue;
            s.N[v]++;
            s.Sum[v] += y;
            s.SumOfSquares[v] += y * y;
        }
        for (var p = 0; p < Model.Pairs.Count; p++)
        {
            var x = values[Model.Pairs[p].Factor];
            var y = values[Model.Pairs[p].Overall];
            if (double.IsNaN(x) || double.IsNaN(y)) continue;
            s.PairN[p]++;
            s.PairSumX[p] += x;
            s.PairSumY[p] += y;
            s.PairSumXX[p] += x * x;
            s.PairSumXY[p] += x * y;
            s.PairSumYY[p] += y * y;
        }
    }

    public void Merge(CellAggregates other)
    {
        if (!ReferenceEquals(other.Model, Model) && other.Model.Variables.Count != Model.Variables.Count)
            throw new ArgumentException("The aggregates describe different questionnaires.", nameof(other));
        foreach (var (cell, stats) in other.cells) For(cell).Add(stats);
    }

    /// <summary>Loads stored statistics (e.g. rows of the service's cell table). Adds to what is there.</summary>
    public void AddStatistic(Cell cell, string variableKey, long n, double sum, double sumOfSquares)
    {
        var s = For(cell);
        var v = Model.VariableIndex[variableKey];
        s.N[v] += n;
        s.Sum[v] += sum;
        s.SumOfSquares[v] += sumOfSquares;
    }

    public void AddRespondents(Cell cell, long respondents) => For(cell).Respondents += respondents;

    /// <summary>
    /// The cell's statistics, created empty when the cell is new: for a loader that adds stored sums straight into the
    /// arrays (one lookup per cell instead of one per variable). Respondents go through <see cref="AddRespondents"/>.
    /// </summary>
    public CellStatistics GetOrAdd(Cell cell) => For(cell);

    /// <summary>Loads stored pair statistics; <paramref name="pair"/> indexes <see cref="AnalysisModel.Pairs"/>.</summary>
    public void AddPairStatistic(Cell cell, int pair, long n, double sumX, double sumY, double sumXX, double sumXY, double sumYY)
    {
        var s = For(cell);
        s.PairN[pair] += n;
        s.PairSumX[pair] += sumX;
        s.PairSumY[pair] += sumY;
        s.PairSumXX[pair] += sumXX;
        s.PairSumXY[pair] += sumXY;
        s.PairSumYY[pair] += sumYY;
    }

    CellStatistics For(Cell cell)
    {
        if (!cells.TryGetValue(cell, out var s)) cells[cell] = s = new CellStatistics(Model.Variables.Count, Model.Pairs.Count);
        return s;
    }
}
