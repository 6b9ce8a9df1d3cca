namespace Medborgare.Analysis.Model;

/// <summary>
/// A survey whose cell statistics are to be rebuilt from its raw responses: set by the migration that changed their storage, at
/// start-up for statistics that are missing or in another layout, or by an operator (an insert, and a restart). While the row
/// exists, results and respondent counts are computed from the raw responses; the row is deleted in the rebuild's transaction.
/// </summary>
public sealed class StatisticsRebuild
{
    public Guid SurveyId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
