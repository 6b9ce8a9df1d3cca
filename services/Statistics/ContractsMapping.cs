using Medborgare.Contracts;

namespace Medborgare.Statistics;

/// <summary>From the message contracts to the kernel's plain types: the only place that knows both.</summary>
public static class ContractsMapping
{
    /// <summary>The questionnaire's Scale questions and its index model.</summary>
    public static AnalysisModel ToAnalysisModel(this QuestionnaireSnapshot questionnaire)
    {
        var items = questionnaire.Sections.SelectMany(s => s.Questions).Where(q => q.Type == QuestionType.Scale)
            .Select(q => new ScaleItem(q.Key, q.Scale?.Min ?? 1, q.Scale?.Max ?? 10)).ToList();
        var indices = questionnaire.Indices.Select(i => new IndexDefinition(i.Key,
            i.Kind == IndexKind.Overall ? IndexLevel.Overall : IndexLevel.Factor, i.ParentKey, i.ItemKeys)).ToList();
        return new AnalysisModel(items, indices);
    }

    public static Cell ToCell(this Stratum stratum) => new(stratum.District, stratum.Sex, stratum.AgeGroup);

    /// <summary>One response's numeric answers aligned to the model's items; unanswered and "vet ej" are NaN.</summary>
    public static double[] ToAnswerVector(this AnalysisModel model, IEnumerable<Answer> answers)
    {
        var vector = new double[model.Items.Count];
        Array.Fill(vector, double.NaN);
        var position = new Dictionary<string, int>(model.Items.Count, StringComparer.Ordinal);
        for (var i = 0; i < model.Items.Count; i++) position[model.Items[i].Key] = i;
        foreach (var answer in answers)
            if (answer.Number is { } number && position.TryGetValue(answer.QuestionKey, out var i)) vector[i] = (double)number;
        return vector;
    }

    public static PopulationMargins ToPopulationMargins(this PopulationMarginsRegistered margins) =>
        new(margins.Cells.Select(c => KeyValuePair.Create(c.Stratum.ToCell(), (long)c.Count)));
}
