using Medborgare.Statistics;

namespace Medborgare.Analysis.Model;

/// <summary>
/// Sufficient statistics of one numeric item in one calibration cell (district × sex × age group): the count
/// of valid values, Σy and Σy². Every weight in a cell is the same, so estimates and their variances come from
/// these alone, in O(cells × items). The item key "" counts the cell's respondents.
/// A scale item's row also counts its low, middle and high answers: the shares are means of 0/1 indicators with the
/// item's n, so (n, count, count) are their statistics, and they need no rows of their own. That keeps the rows each
/// response batch updates to a quarter.
/// </summary>
public sealed class CellItemStatistic
{
    public const string RespondentsKey = "";

    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    public required string ItemKey { get; set; }
    public long N { get; set; }
    public double Sum { get; set; }
    public double SumOfSquares { get; set; }
    public long LowCount { get; set; }
    public long MiddleCount { get; set; }
    public long HighCount { get; set; }

    /// <summary>For each item variable, the indexes of its low, middle and high share variables; null for the others.</summary>
    public static (int Low, int Middle, int High)?[] ShareVariables(AnalysisModel model)
    {
        var bands = new (int, int, int)?[model.Variables.Count];
        for (var v = 0; v < model.Variables.Count; v++)
        {
            var key = model.Variables[v].Key;
            if (model.Variables[v].Kind == VariableKind.Item
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.Low), out var low)
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.Middle), out var middle)
                && model.VariableIndex.TryGetValue(Variable.ShareKey(key, ShareBand.High), out var high))
            {
                bands[v] = (low, middle, high);
            }
        }
        return bands;
    }
}
