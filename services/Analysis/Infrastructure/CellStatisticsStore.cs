using Medborgare.Analysis.Model;
using Medborgare.Statistics;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Analysis.Infrastructure;

/// <summary>Statistics whose stored layout is not the survey's: adding them would misalign every sum after the first difference.</summary>
public sealed class CellStatisticsLayoutMismatchException(string message) : Exception(message);

/// <summary>
/// Writes per-cell statistics to <c>cell_statistics</c>: one row per (survey, cell), all of a batch's rows in one statement.
/// The arrays of every row travel flattened in one parameter each, and each row takes its slice (PostgreSQL's unnest would
/// flatten an array of arrays). Rows go in one fixed lock order, so concurrent batches (and replicas) wait for each other
/// instead of deadlocking.
/// </summary>
public static class CellStatisticsStore
{
    /// <summary>
    /// Adds the aggregates to the stored rows (a new cell gets a row). Every row must be in its survey's layout: a stored row in
    /// another layout is not updated (the WHERE), the count of rows written falls short, and this throws, rolling the batch back.
    /// </summary>
    public static async Task AddAsync(NpgsqlConnection connection, IReadOnlyCollection<(Guid SurveyId, CellStatisticsLayout Layout, CellAggregates Aggregates)> surveys,
        CancellationToken ct)
    {
        var written = await WriteAsync(connection, surveys, """
            ON CONFLICT (survey_id, district, sex, age_group) DO UPDATE
            SET respondents = c.respondents + excluded.respondents,
                counts = cell_statistics_add(c.counts, excluded.counts),
                sums = cell_statistics_add(c.sums, excluded.sums)
            WHERE c.layout = excluded.layout
            """, ct);
        if (written.Affected != written.Rows)
            throw new CellStatisticsLayoutMismatchException(
                $"{written.Rows - written.Affected} of {written.Rows} stored cells of surveys {string.Join(", ", surveys.Select(s => s.SurveyId))} " +
                "are in another layout than their questionnaire's. Restart Analysis: it rebuilds them from the raw responses.");
    }

    /// <summary>Inserts the rows of surveys that have none (a rebuild): a row already there is a conflict, and an error.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, Guid surveyId, CellStatisticsLayout layout, CellAggregates aggregates, CancellationToken ct) =>
        await WriteAsync(connection, [(surveyId, layout, aggregates)], "", ct);

    static async Task<(int Rows, int Affected)> WriteAsync(NpgsqlConnection connection,
        IReadOnlyCollection<(Guid SurveyId, CellStatisticsLayout Layout, CellAggregates Aggregates)> surveys, string onConflict, CancellationToken ct)
    {
        var rows = surveys
            .SelectMany(s => s.Aggregates.Cells.Select(c => (s.SurveyId, s.Layout, Cell: c.Key, Statistics: c.Value)))
            .OrderBy(r => r.SurveyId).ThenBy(r => r.Cell.District, StringComparer.Ordinal)
            .ThenBy(r => r.Cell.Sex, StringComparer.Ordinal).ThenBy(r => r.Cell.AgeGroup, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0) return (0, 0);

        var counts = new long[rows.Sum(r => r.Layout.CountLength)];
        var sums = new double[rows.Sum(r => r.Layout.SumLength)];
        var countFrom = new int[rows.Count];
        var sumFrom = new int[rows.Count];
        var countTo = new int[rows.Count];
        var sumTo = new int[rows.Count];
        int c = 0, s = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var layout = rows[i].Layout;
            layout.Write(rows[i].Statistics, counts.AsSpan(c, layout.CountLength), sums.AsSpan(s, layout.SumLength));
            // PostgreSQL array slices are 1-based and inclusive: [from:to].
            (countFrom[i], countTo[i]) = (c + 1, c + layout.CountLength);
            (sumFrom[i], sumTo[i]) = (s + 1, s + layout.SumLength);
            c += layout.CountLength;
            s += layout.SumLength;
        }

        await using var cmd = new NpgsqlCommand($"""
            INSERT INTO cell_statistics AS c (survey_id, district, sex, age_group, layout, respondents, counts, sums)
            SELECT t.survey, t.district, t.sex, t.age, t.layout, t.respondents, @counts[t.count_from:t.count_to], @sums[t.sum_from:t.sum_to]
            FROM unnest(@survey, @district, @sex, @age, @layout, @respondents, @count_from, @count_to, @sum_from, @sum_to)
                 AS t(survey, district, sex, age, layout, respondents, count_from, count_to, sum_from, sum_to)
            {onConflict}
            """, connection);
        Add(cmd, "survey", NpgsqlDbType.Uuid, rows.Select(r => r.SurveyId));
        Add(cmd, "district", NpgsqlDbType.Varchar, rows.Select(r => r.Cell.District));
        Add(cmd, "sex", NpgsqlDbType.Varchar, rows.Select(r => r.Cell.Sex));
        Add(cmd, "age", NpgsqlDbType.Varchar, rows.Select(r => r.Cell.AgeGroup));
        Add(cmd, "layout", NpgsqlDbType.Bigint, rows.Select(r => r.Layout.Fingerprint));
        Add(cmd, "respondents", NpgsqlDbType.Bigint, rows.Select(r => r.Statistics.Respondents));
        Add(cmd, "count_from", NpgsqlDbType.Integer, countFrom);
        Add(cmd, "count_to", NpgsqlDbType.Integer, countTo);
        Add(cmd, "sum_from", NpgsqlDbType.Integer, sumFrom);
        Add(cmd, "sum_to", NpgsqlDbType.Integer, sumTo);
        Add(cmd, "counts", NpgsqlDbType.Bigint, counts);
        Add(cmd, "sums", NpgsqlDbType.Double, sums);
        return (rows.Count, await cmd.ExecuteNonQueryAsync(ct));
    }

    static void Add<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values as T[] ?? values.ToArray() });
}
