using Medborgare.Analysis.Results;
using Medborgare.Contracts;
using Medborgare.Statistics;

namespace Medborgare.Analysis.Exports;

/// <summary>The export tables: indicators with breakdowns, anonymised microdata with final weights, and its codebook.</summary>
public static class ExportTables
{
    /// <summary>Microdata code for "vet ej / ingen åsikt"; an empty field means not answered or not asked.</summary>
    public const int DontKnowCode = -9;

    static readonly string[] IndicatorHeader =
        ["rad", "indikator", "namn", "dimension", "grupp", "värde", "medelfel", "ki_låg", "ki_hög", "n", "etikett", "not"];

    public static Table Indicators(YearlyReport report, SurveyDefinition survey) => new("Indikatorer", IndicatorHeader,
        [.. report.Indicators.Select(i => new object?[]
        {
            "indikator", i.Key, ResultsMapping.Name(survey, i.Key).Sv, null, null, i.Value, i.StandardError, i.CiLow, i.CiHigh, i.N, i.Label, null,
        })]);

    /// <summary>A suppressed group shows ".." instead of figures, and a note why (its n stays: it reveals no answers).</summary>
    public static Table Breakdowns(YearlyReport report, SurveyDefinition survey, int threshold) => new("Uppdelningar", IndicatorHeader,
        [.. report.Breakdowns.SelectMany(b => b.Groups.Select(g => g.Estimate is { } e && g.Suppression == SuppressionReason.None
            ? new object?[] { "uppdelning", b.IndicatorKey, ResultsMapping.Name(survey, b.IndicatorKey).Sv, b.Dimension, g.Group, e.Value, e.StandardError, e.CiLow, e.CiHigh, g.N, e.Label, null }
            : new object?[] { "uppdelning", b.IndicatorKey, ResultsMapping.Name(survey, b.IndicatorKey).Sv, b.Dimension, g.Group, "..", "..", "..", "..", g.N, null, Note(g.Suppression, threshold) }))]);

    static string Note(SuppressionReason reason, int threshold) => reason switch
    {
        SuppressionReason.Primary => $"..: färre än {threshold} svar, visas inte (röjandeskydd)",
        SuppressionReason.Secondary => "..: dold så att en annan dold grupp inte kan räknas fram ur totalen (röjandeskydd)",
        _ => "..: inget skattat värde",
    };

    /// <summary>The microdata columns: stratum, final weight, then every analysable question (no free text, no ids, no dates).</summary>
    static IEnumerable<(string Column, QuestionSnapshot Question, string? Choice)> Columns(SurveyDefinition survey)
    {
        foreach (var q in survey.Questions)
        {
            if (q.Type == QuestionType.MultipleChoice)
                foreach (var c in q.Choices) yield return ($"{q.Key}.{c.Value}", q, c.Value);
            else if (q.Type != QuestionType.FreeText) yield return (q.Key, q, null);
        }
    }

    /// <summary>One row per respondent in random order, so row order says nothing about when or where someone answered.</summary>
    public static Table Microdata(SurveyDefinition survey, IReadOnlyList<StoredResponse> responses, CalibratedWeights weights)
    {
        var columns = Columns(survey).ToList();
        var rows = new object?[responses.Count][];
        for (var i = 0; i < responses.Count; i++)
        {
            var r = responses[i];
            var cell = weights.IndexOf(r.Cell);
            var row = new object?[4 + columns.Count];
            (row[0], row[1], row[2], row[3]) = (r.Cell.District, r.Cell.Sex, r.Cell.AgeGroup, cell >= 0 ? weights.Weight[cell] : null);
            var answers = r.Answers.ToDictionary(a => a.QuestionKey);
            for (var c = 0; c < columns.Count; c++)
            {
                var (_, q, choice) = columns[c];
                if (!answers.TryGetValue(q.Key, out var a)) continue;
                row[4 + c] = q.Type switch
                {
                    QuestionType.Scale or QuestionType.Number => a.Number is { } n ? (double)n : DontKnowCode,
                    QuestionType.SingleChoice => a.Choices.FirstOrDefault(),
                    _ => a.Choices.Contains(choice!) ? 1 : 0,
                };
            }
            rows[i] = row;
        }
        Random.Shared.Shuffle(rows);
        return new("Mikrodata", ["distrikt", "kon", "aldersgrupp", "vikt", .. columns.Select(c => c.Column)], rows);
    }

    public static Table Codebook(SurveyDefinition survey)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "distrikt", "Distrikt (urvalsstratum)", "District (sampling stratum)", "text", "", "" },
            new object?[] { "kon", "Kön", "Sex", "text", "K=kvinna; M=man", "" },
            new object?[] { "aldersgrupp", "Åldersgrupp", "Age group", "text", string.Join("; ", Demography.AgeGroups), "" },
            new object?[] { "vikt", "Slutlig kalibrerad vikt (summerar till populationen)", "Final calibrated weight (sums to the population)", "decimal", "", "tom = svarande i en cell som ramen inte känner" },
        };
        foreach (var (column, q, choice) in Columns(survey))
        {
            var sv = q.Text.GetValueOrDefault("sv", "");
            var en = q.Text.GetValueOrDefault("en", "");
            var (type, values, missing) = q.Type switch
            {
                QuestionType.Scale => ("skala", $"{q.Scale?.Min ?? 1}–{q.Scale?.Max ?? 10}; {q.Scale?.Min ?? 1}={q.Scale?.MinLabel.GetValueOrDefault("sv")}; {q.Scale?.Max ?? 10}={q.Scale?.MaxLabel.GetValueOrDefault("sv")}",
                    $"{DontKnowCode}=vet ej/ingen åsikt; tom=ej besvarad"),
                QuestionType.Number => ("tal", "", $"{DontKnowCode}=vet ej; tom=ej besvarad"),
                QuestionType.SingleChoice => ("enkelval", string.Join("; ", q.Choices.Select(c => $"{c.Value}={c.Text.GetValueOrDefault("sv")}")), "tom=ej besvarad"),
                _ => ("flerval", $"1=valt; 0=inte valt ({q.Choices.First(c => c.Value == choice).Text.GetValueOrDefault("sv")})", "tom=ej besvarad"),
            };
            rows.Add([column, sv, en, type, values, missing]);
        }
        return new("Kodbok", ["variabel", "fråga_sv", "question_en", "typ", "värden", "saknade_värden"], rows);
    }
}
