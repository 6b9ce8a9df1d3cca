namespace Medborgare.Statistics;

/// <summary>One anonymous respondent: their cell and their answers aligned to <see cref="AnalysisModel.Items"/> (NaN = missing).</summary>
public sealed record RawRespondent(Cell Cell, double[] Answers);
