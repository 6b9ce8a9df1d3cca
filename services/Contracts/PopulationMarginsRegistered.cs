namespace Medborgare.Contracts;

/// <summary>Population counts per calibration cell (district × sex × age group) from the frame.</summary>
public sealed record PopulationMarginsRegistered
{
    public required Guid SurveyId { get; init; }
    public required IReadOnlyList<PopulationCell> Cells { get; init; }
}

public sealed record PopulationCell
{
    public required Stratum Stratum { get; init; }
    public required int Count { get; init; }
}
