namespace Medborgare.Statistics;

/// <summary>A 1..k (or Min..Max) scale question whose answers are analysed. "Vet ej" is NaN.</summary>
public sealed record ScaleItem(string Key, int Min = 1, int Max = 10);

public enum IndexLevel { Overall, Factor }

/// <summary>NRI/NMI/NII (overall) or one of their factors: a respondent's value is the mean of the items answered.</summary>
public sealed record IndexDefinition(string Key, IndexLevel Level, string? ParentKey, IReadOnlyList<string> ItemKeys);

public enum VariableKind { Item, Share, Factor, Overall }

/// <summary>Low 1–4, middle 5–7, high 8–10 on the 10-point scale.</summary>
public enum ShareBand { Low, Middle, High }

/// <summary>
/// One per-respondent variable that the kernel estimates: a scale item's value, a share indicator (0/1 over the
/// item's valid values), or a factor / overall index value. Shares are just means of indicator variables, so the
/// same sufficient statistics (n, Σy, Σy²) and the same SE formula serve them.
/// </summary>
public sealed record Variable(string Key, VariableKind Kind, double Min, double Max, string? ItemKey = null, ShareBand? Band = null)
{
    /// <summary>The indicator key the report and <c>SurveyResultsPublished</c> use: item, "item:high", "NMI", "NMI.forskola".</summary>
    public static string ShareKey(string itemKey, ShareBand band) => $"{itemKey}:{band.ToString().ToLowerInvariant()}";
}

/// <summary>A factor and its overall index: the priority matrix regresses the second on the first.</summary>
public sealed record VariablePair(int Factor, int Overall);

/// <summary>
/// The questionnaire as the kernel sees it: its scale items, the index model, and the derived variables in a
/// fixed order (items, shares, factors, overall indices). Answers are aligned to <see cref="Items"/>.
/// </summary>
public sealed class AnalysisModel
{
    readonly int[][] indexItems;
    readonly int[] shareSource;

    public AnalysisModel(IReadOnlyList<ScaleItem> items, IReadOnlyList<IndexDefinition> indices)
    {
        Items = items;
        Indices = indices;
        var itemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Max <= items[i].Min) throw new ArgumentException($"Scale of '{items[i].Key}' is empty.", nameof(items));
            if (!itemIndex.TryAdd(items[i].Key, i)) throw new ArgumentException($"Item '{items[i].Key}' appears twice.", nameof(items));
        }

        var variables = new List<Variable>();
        foreach (var item in items) variables.Add(new Variable(item.Key, VariableKind.Item, item.Min, item.Max, item.Key));
        var shares = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Min != 1 || items[i].Max != 10) continue;
            foreach (var band in new[] { ShareBand.Low, ShareBand.Middle, ShareBand.High })
            {
                variables.Add(new Variable(Variable.ShareKey(items[i].Key, band), VariableKind.Share, 0, 1, items[i].Key, band));
                shares.Add(i);
            }
        }
        shareSource = [.. shares];
        ShareStart = items.Count;
        IndexStart = variables.Count;

        var ordered = indices.Where(x => x.Level == IndexLevel.Factor).Concat(indices.Where(x => x.Level == IndexLevel.Overall)).ToList();
        indexItems = new int[ordered.Count][];
        for (var k = 0; k < ordered.Count; k++)
        {
            var index = ordered[k];
            if (index.ItemKeys.Count == 0) throw new ArgumentException($"Index '{index.Key}' has no items.", nameof(indices));
            indexItems[k] = [.. index.ItemKeys.Select(key => itemIndex.TryGetValue(key, out var i) ? i
                : throw new ArgumentException($"Index '{index.Key}' names '{key}', which is not a scale item.", nameof(indices)))];
            var scales = indexItems[k].Select(i => (items[i].Min, items[i].Max)).Distinct().ToList();
            if (scales.Count != 1) throw new ArgumentException($"The items of index '{index.Key}' use different scales.", nameof(indices));
            variables.Add(new Variable(index.Key, index.Level == IndexLevel.Overall ? VariableKind.Overall : VariableKind.Factor,
                scales[0].Min, scales[0].Max));
        }
        Variables = variables;
        VariableIndex = variables.Select((v, i) => (v.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        if (VariableIndex.Count != variables.Count) throw new ArgumentException("An index key collides with an item or share key.", nameof(indices));

        Pairs = [.. ordered.Where(x => x.Level == IndexLevel.Factor && x.ParentKey is not null && VariableIndex.ContainsKey(x.ParentKey)
                                   && Variables[VariableIndex[x.ParentKey]].Kind == VariableKind.Overall)
                           .Select(x => new VariablePair(VariableIndex[x.Key], VariableIndex[x.ParentKey!]))];
    }

    public IReadOnlyList<ScaleItem> Items { get; }
    public IReadOnlyList<IndexDefinition> Indices { get; }
    public IReadOnlyList<Variable> Variables { get; }
    public IReadOnlyDictionary<string, int> VariableIndex { get; }
    public IReadOnlyList<VariablePair> Pairs { get; }
    internal int ShareStart { get; }
    internal int IndexStart { get; }

    /// <summary>
    /// Derives every variable of one respondent from their answers (aligned to <see cref="Items"/>, NaN = missing
    /// or "vet ej"; a value outside the item's scale counts as missing). Missing variables are NaN.
    /// A factor or overall index value is the mean of the index's items the respondent answered (at least one).
    /// </summary>
    public void Derive(ReadOnlySpan<double> answers, Span<double> values)
    {
        if (answers.Length != Items.Count) throw new ArgumentException($"Expected {Items.Count} answers.", nameof(answers));
        if (values.Length != Variables.Count) throw new ArgumentException($"Expected room for {Variables.Count} values.", nameof(values));
        for (var i = 0; i < Items.Count; i++) values[i] = Valid(answers[i], Items[i]);
        for (var s = 0; s < shareSource.Length; s++)
        {
            var y = values[shareSource[s]];
            var band = (ShareBand)(s % 3);
            values[ShareStart + s] = double.IsNaN(y) ? double.NaN : BandOf(y) == band ? 1 : 0;
        }
        for (var k = 0; k < indexItems.Length; k++)
        {
            double sum = 0;
            var n = 0;
            foreach (var i in indexItems[k])
            {
                if (double.IsNaN(values[i])) continue;
                sum += values[i];
                n++;
            }
            values[IndexStart + k] = n == 0 ? double.NaN : sum / n;
        }
    }

    public double[] Derive(ReadOnlySpan<double> answers)
    {
        var values = new double[Variables.Count];
        Derive(answers, values);
        return values;
    }

    static double Valid(double y, ScaleItem item) => y >= item.Min && y <= item.Max ? y : double.NaN;

    static ShareBand BandOf(double y) => y <= 4 ? ShareBand.Low : y <= 7 ? ShareBand.Middle : ShareBand.High;
}
