using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Model;

/// <summary>
/// Where each of a cell's sufficient statistics sits in the two arrays of its <see cref="CellSufficientStatistics"/> row, for one
/// survey's <see cref="AnalysisModel"/> (frozen with the questionnaire at publish, so the layout of a survey never changes):
/// <list type="bullet">
/// <item><c>counts</c>: n of every stored variable, then low, middle, high of every 10-point item, then n of every pair;</item>
/// <item><c>sums</c>: Σy of every stored variable, then Σy² of every stored variable, then Σx, Σy, Σx², Σxy, Σy² of every pair.</item>
/// </list>
/// The stored variables are the model's variables except the shares, in model order. A share is the mean of a 0/1 indicator
/// with its item's n, so its Σy and Σy² are both its band's count: three counts on the item stand for three variables.
/// <see cref="Fingerprint"/> hashes the layout (keys, kinds, order, and this scheme's version), so arrays written for one layout
/// are never read or added as another's.
/// </summary>
public sealed class CellStatisticsLayout
{
    /// <summary>Change it whenever the packing below changes: every stored row then fails its fingerprint and is rebuilt.</summary>
    const string Scheme = "cell-statistics/1";

    readonly int[] stored;
    readonly (int Low, int Middle, int High)[] bands;
    /// <summary>For each 10-point item, its position among the stored variables (where its n is).</summary>
    readonly int[] bandedPosition;

    public CellStatisticsLayout(AnalysisModel model)
    {
        Model = model;
        stored = [.. Enumerable.Range(0, model.Variables.Count).Where(v => model.Variables[v].Kind != VariableKind.Share)];
        var banded = new List<(int Item, int Low, int Middle, int High)>();
        foreach (var v in stored)
        {
            var key = model.Variables[v].Key;
            if (model.Variables[v].Kind == VariableKind.Item
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.Low), out var low)
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.Middle), out var middle)
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.High), out var high))
            {
                banded.Add((v, low, middle, high));
            }
        }
        int[] bandedItem = [.. banded.Select(b => b.Item)];
        bands = [.. banded.Select(b => (b.Low, b.Middle, b.High))];
        bandedPosition = [.. bandedItem.Select(v => Array.IndexOf(stored, v))];
        CountLength = stored.Length + 3 * bands.Length + model.Pairs.Count;
        SumLength = 2 * stored.Length + 5 * model.Pairs.Count;
        Fingerprint = FingerprintOf(model, stored, bandedItem);
    }

    public AnalysisModel Model { get; }
    public int CountLength { get; }
    public int SumLength { get; }
    public long Fingerprint { get; }

    /// <summary>Writes one cell's statistics into its slices of the arrays.</summary>
    public void Write(CellStatistics s, Span<long> counts, Span<double> sums)
    {
        if (counts.Length != CountLength || sums.Length != SumLength) throw new ArgumentException("The slices do not fit the layout.");
        var width = stored.Length;
        for (var i = 0; i < width; i++)
        {
            counts[i] = s.N[stored[i]];
            sums[i] = s.Sum[stored[i]];
            sums[width + i] = s.SumOfSquares[stored[i]];
        }
        for (var b = 0; b < bands.Length; b++)
        {
            // A share's Σy is its count: a sum of 0/1 values, so whole and exact.
            counts[width + 3 * b] = (long)s.Sum[bands[b].Low];
            counts[width + 3 * b + 1] = (long)s.Sum[bands[b].Middle];
            counts[width + 3 * b + 2] = (long)s.Sum[bands[b].High];
        }
        var pairCounts = counts[(width + 3 * bands.Length)..];
        var pairSums = sums[(2 * width)..];
        for (var p = 0; p < pairCounts.Length; p++)
        {
            pairCounts[p] = s.PairN[p];
            pairSums[5 * p] = s.PairSumX[p];
            pairSums[5 * p + 1] = s.PairSumY[p];
            pairSums[5 * p + 2] = s.PairSumXX[p];
            pairSums[5 * p + 3] = s.PairSumXY[p];
            pairSums[5 * p + 4] = s.PairSumYY[p];
        }
    }

    /// <summary>Adds one stored row to <paramref name="aggregates"/> (whose model must be <see cref="Model"/>).</summary>
    public void Read(CellAggregates aggregates, Cell cell, long respondents, ReadOnlySpan<long> counts, ReadOnlySpan<double> sums)
    {
        if (counts.Length != CountLength || sums.Length != SumLength)
            throw new InvalidOperationException($"Cell {cell} holds {counts.Length} counts and {sums.Length} sums; its survey's layout has {CountLength} and {SumLength}.");
        aggregates.AddRespondents(cell, respondents);
        var s = aggregates.GetOrAdd(cell);
        var width = stored.Length;
        for (var i = 0; i < width; i++)
        {
            s.N[stored[i]] += counts[i];
            s.Sum[stored[i]] += sums[i];
            s.SumOfSquares[stored[i]] += sums[width + i];
        }
        for (var b = 0; b < bands.Length; b++)
        {
            var n = counts[bandedPosition[b]];
            AddShare(s, bands[b].Low, n, counts[width + 3 * b]);
            AddShare(s, bands[b].Middle, n, counts[width + 3 * b + 1]);
            AddShare(s, bands[b].High, n, counts[width + 3 * b + 2]);
        }
        var pairCounts = counts[(width + 3 * bands.Length)..];
        var pairSums = sums[(2 * width)..];
        for (var p = 0; p < pairCounts.Length; p++)
        {
            s.PairN[p] += pairCounts[p];
            s.PairSumX[p] += pairSums[5 * p];
            s.PairSumY[p] += pairSums[5 * p + 1];
            s.PairSumXX[p] += pairSums[5 * p + 2];
            s.PairSumXY[p] += pairSums[5 * p + 3];
            s.PairSumYY[p] += pairSums[5 * p + 4];
        }
    }

    static void AddShare(CellStatistics s, int share, long n, long count)
    {
        s.N[share] += n;
        s.Sum[share] += count;
        s.SumOfSquares[share] += count;
    }

    /// <summary>The first 8 bytes of a SHA-256 of everything the positions depend on: stable across processes and versions.</summary>
    static long FingerprintOf(AnalysisModel model, int[] stored, int[] bandedItems)
    {
        var text = new StringBuilder(Scheme).Append('\n');
        foreach (var v in stored) text.Append("v\t").Append(model.Variables[v].Kind).Append('\t').Append(model.Variables[v].Key).Append('\n');
        foreach (var v in bandedItems) text.Append("b\t").Append(model.Variables[v].Key).Append('\n');
        foreach (var p in model.Pairs) text.Append("p\t").Append(model.Variables[p.Factor].Key).Append('\t').Append(model.Variables[p.Overall].Key).Append('\n');
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
