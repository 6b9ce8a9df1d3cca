namespace Medborgare.Analysis.Model;

/// <summary>
/// All sufficient statistics of one calibration cell (district × sex × age group) of a survey, in one row: the respondents, and
/// per variable and priority-matrix pair the counts and sums that <see cref="CellStatisticsLayout"/> places in two arrays. Every
/// weight in a cell is the same, so estimates and their variances come from these alone, in O(cells × variables); and a batch of
/// answers writes one row per cell it touches, however many variables the questionnaire has.
/// </summary>
/// <remarks>
/// Arrays rather than one binary blob: PostgreSQL adds them element by element inside the upsert itself (the
/// <c>cell_statistics_add</c> functions), so a batch adds its sums in one statement under the row's lock, with no read and
/// write-back round trip, and the values stay readable in psql. A <c>double precision</c> is the same 8 bytes either way.
/// </remarks>
public sealed class CellSufficientStatistics
{
    public Guid SurveyId { get; set; }
    public required string District { get; set; }
    public required string Sex { get; set; }
    public required string AgeGroup { get; set; }
    /// <summary>The <see cref="CellStatisticsLayout.Fingerprint"/> the arrays were written in; adding or reading any other fails.</summary>
    public long Layout { get; set; }
    public long Respondents { get; set; }
    public required long[] Counts { get; set; }
    public required double[] Sums { get; set; }
}
