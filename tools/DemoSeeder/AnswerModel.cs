using Medborgare.Contracts;
using static Medborgare.DemoSeeder.AnswerModelParameters;

namespace Medborgare.DemoSeeder;

/// <summary>
/// Generates one respondent's answers to any questionnaire built on the index model: a latent satisfaction per
/// factor (base + district + cohort + yearly trend + the respondent's mood + noise), item answers scattered around
/// it on 1–10, the overall questions driven by a weighted mean of the factors, "Vet ej" now and then, some items
/// skipped, background questions answered plausibly (so the conditions apply), and a few free-text comments.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class AnswerModel(QuestionnaireSnapshot questionnaire)
{
    readonly Dictionary<string, IndexSnapshot> factorByItem = questionnaire.Indices.Where(i => i.Kind == IndexKind.Factor)
        .SelectMany(f => f.ItemKeys.Select(k => (k, f))).DistinctBy(p => p.k).ToDictionary(p => p.k, p => p.f);
    readonly Dictionary<string, IndexSnapshot> overallByItem = questionnaire.Indices.Where(i => i.Kind == IndexKind.Overall)
        .SelectMany(f => f.ItemKeys.Select(k => (k, f))).DistinctBy(p => p.k).ToDictionary(p => p.k, p => p.f);

    public List<Answer> Generate(Respondent respondent, int yearIndex, Random random)
    {
        var answers = new Dictionary<string, Answer>();
        var latent = new Dictionary<string, double>();
        var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToList();

        foreach (var factor in questionnaire.Indices.Where(i => i.Kind == IndexKind.Factor))
        {
            latent[factor.Key] = Latent(factor.Key, respondent, yearIndex) + MoodLoading * respondent.Mood + FactorNoise * Respondent.Gaussian(random);
        }

        foreach (var q in questions)
        {
            if (q.Condition is { } condition && !(answers.TryGetValue(condition.QuestionKey, out var given) && given.Choices.Any(condition.AnyOf.Contains)))
            {
                continue;
            }
            var answer = q.Type switch
            {
                QuestionType.SingleChoice => Single(q, respondent, random),
                QuestionType.MultipleChoice => Multiple(q, respondent, random),
                QuestionType.Scale when q.Scale is { } scale => ScaleAnswer(q, scale, respondent, latent, answers, random),
                QuestionType.FreeText => FreeText(q, latent, random),
                _ => null,
            };
            if (answer is not null) answers[q.Key] = answer;
        }
        return [.. answers.Values];
    }

    static double Latent(string factorKey, Respondent r, int yearIndex)
    {
        var p = Factors.GetValueOrDefault(factorKey) ?? new Factor(6.0, 1.0);
        return p.Base + p.TrendPerYear * yearIndex + Effect(DistrictEffects.GetValueOrDefault(r.District), factorKey) + Effect(CohortEffects[r.Cohort], factorKey);
    }

    static double Effect(IReadOnlyDictionary<string, double>? effects, string factorKey)
    {
        if (effects is null) return 0;
        var prefix = factorKey.Split('.')[0] + "*";
        return effects.GetValueOrDefault("*") + effects.GetValueOrDefault(prefix) + effects.GetValueOrDefault(factorKey);
    }

    Answer? ScaleAnswer(QuestionSnapshot q, ScaleSnapshot scale, Respondent r, Dictionary<string, double> latent,
        Dictionary<string, Answer> answered, Random random)
    {
        if (random.NextDouble() < SkipItem) return null;
        double value;
        double dontKnow;
        if (factorByItem.TryGetValue(q.Key, out var factor))
        {
            value = latent[factor.Key] + ItemOffset(q.Key) + ItemNoise * Respondent.Gaussian(random);
            dontKnow = (Factors.GetValueOrDefault(factor.Key)?.DontKnow ?? 0.05);
        }
        else if (overallByItem.TryGetValue(q.Key, out var overall))
        {
            // The overall questions follow the weighted mean of the factors this respondent could judge (a
            // conditional factor such as elderly care only counts for those it was shown to).
            var judged = questionnaire.Indices.Where(i => i.Kind == IndexKind.Factor && i.ParentKey == overall.Key)
                .Where(f => f.ItemKeys.Any(answered.ContainsKey)).ToList();
            var weight = judged.Sum(f => Weight(f.Key));
            var mean = weight > 0 ? judged.Sum(f => Weight(f.Key) * latent[f.Key]) / weight : 6 + MoodLoading * r.Mood;
            value = mean + ItemOffset(q.Key) + OverallNoise * Respondent.Gaussian(random);
            dontKnow = overall.Key == "NII" ? 0.05 : 0.015;
        }
        else
        {
            value = 6.5 + MoodLoading * r.Mood + ItemNoise * Respondent.Gaussian(random);
            dontKnow = 0.05;
        }
        if (scale.AllowDontKnow && random.NextDouble() < dontKnow) return new Answer { QuestionKey = q.Key };
        var scaled = scale.Min + (value - 1) / 9 * (scale.Max - scale.Min);
        return new Answer { QuestionKey = q.Key, Number = Math.Clamp((int)Math.Round(scaled), scale.Min, scale.Max) };
    }

    static double Weight(string factorKey) => Factors.GetValueOrDefault(factorKey)?.Weight ?? 1.0;

    /// <summary>A fixed small offset per item (−0.3..0.3), so the items of a factor differ a little. Stable across runs.</summary>
    static double ItemOffset(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        return (hash % 601) / 1000.0 - 0.3;
    }

    static Answer? Single(QuestionSnapshot q, Respondent r, Random random)
    {
        var values = q.Choices.Select(c => c.Value).ToList();
        if (values.Count == 0 || random.NextDouble() < 0.02) return null;
        var older = r.Cohort == Cohort.Older;
        string? Yes(double chance) => values.Contains("ja") && values.Contains("nej") ? (random.NextDouble() < chance ? "ja" : "nej") : null;
        var chosen = q.Key switch
        {
            "bakgrund.barn-forskola" => Yes(older ? 0.02 : 0.22),
            "bakgrund.barn-grundskola" => Yes(older ? 0.06 : 0.30),
            "bakgrund.barn-gymnasium" => Yes(older ? 0.05 : 0.14),
            "bakgrund.aldreomsorg" => Yes(older ? 0.30 : 0.09),
            "bakgrund.boendetid" => Weighted(values, random, older ? [0.05, 0.10, 0.15, 0.70] : [0.22, 0.30, 0.23, 0.25]),
            "bakgrund.sysselsattning" => Weighted(values, random, older
                ? [0.25, 0.01, 0.02, 0.0, 0.03, 0.66, 0.03]
                : [0.66, 0.14, 0.06, 0.05, 0.04, 0.01, 0.04]),
            _ => null,
        };
        return new Answer { QuestionKey = q.Key, Choices = [chosen ?? values[random.Next(values.Count)]] };
    }

    static Answer? Multiple(QuestionSnapshot q, Respondent r, Random random)
    {
        var values = q.Choices.Select(c => c.Value).ToList();
        if (values.Count == 0 || random.NextDouble() < 0.03) return null;
        var rural = r.District is "Landsbygden" or "Kyrkbyn";
        var chance = new Dictionary<string, double>
        {
            ["gang"] = rural ? 0.25 : 0.65, ["cykel"] = rural ? 0.15 : 0.40, ["kollektivtrafik"] = r.District == "Centrum" ? 0.45 : rural ? 0.12 : 0.30,
            ["bil"] = rural ? 0.92 : r.District == "Centrum" ? 0.45 : 0.70, ["fardtjanst"] = r.Cohort == Cohort.Older ? 0.05 : 0.005, ["annat"] = 0.03,
        };
        var chosen = values.Where(v => random.NextDouble() < chance.GetValueOrDefault(v, 0.2)).ToList();
        if (chosen.Count == 0) chosen.Add(values[random.Next(values.Count)]);
        return new Answer { QuestionKey = q.Key, Choices = chosen };
    }

    static string Weighted(List<string> values, Random random, double[] weights)
    {
        if (weights.Length != values.Count) return values[random.Next(values.Count)];
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return values[i];
        }
        return values[^1];
    }

    static Answer? FreeText(QuestionSnapshot q, Dictionary<string, double> latent, Random random)
    {
        if (random.NextDouble() >= FreeTextShare || latent.Count == 0) return null;
        // Residents write about what bothers them most, and now and then about what they like.
        var praise = random.NextDouble() < 0.25;
        var factor = praise ? latent.MaxBy(l => l.Value).Key : latent.MinBy(l => l.Value).Key;
        var texts = FreeTextComments.For(factor, praise);
        return new Answer { QuestionKey = q.Key, Text = texts[random.Next(texts.Count)] };
    }
}
