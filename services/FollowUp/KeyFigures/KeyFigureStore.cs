using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>
/// Stores a whole import in one transaction, upserting by (kpi, municipality, period, gender) so a re-import
/// replaces values instead of duplicating them.
/// </summary>
public static class KeyFigureStore
{
    public static async Task<int> UpsertAsync(FollowUpDbContext db, Guid importId, IReadOnlyList<KoladaKpi> kpis,
        IReadOnlyList<KoladaValue> values, DateTimeOffset now, CancellationToken ct)
    {
        // The same key twice in one import: the later one wins (a statement may not update one row twice).
        var unique = new Dictionary<(string, string, int, string), KoladaValue>();
        foreach (var v in values) unique[(v.Kpi, v.Municipality, v.Period, v.Gender)] = v;
        var rows = unique.Values.ToArray();

        if (kpis.Count > 0)
        {
            var byId = kpis.GroupBy(k => k.Id).Select(g => g.Last()).ToArray();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO kpis (id, title, description, is_divided_by_gender, municipality_type, operating_area)
                SELECT * FROM unnest(@id, @title, @description, @divided, @mtype, @area)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
                    is_divided_by_gender = excluded.is_divided_by_gender, municipality_type = excluded.municipality_type,
                    operating_area = excluded.operating_area
                """,
                [
                    Array("id", byId.Select(k => k.Id)), Array("title", byId.Select(k => k.Title)),
                    Array("description", byId.Select(k => k.Description)),
                    new NpgsqlParameter("divided", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = byId.Select(k => k.IsDividedByGender).ToArray() },
                    Array("mtype", byId.Select(k => k.MunicipalityType)), Array("area", byId.Select(k => k.OperatingArea)),
                ], ct);
        }

        const int batch = 5000;
        for (var start = 0; start < rows.Length; start += batch)
        {
            var chunk = rows.AsSpan(start, Math.Min(batch, rows.Length - start)).ToArray();
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO key_figure_values (kpi, municipality, period, gender, value, count, status, import_id, imported_at)
                SELECT k, m, p, g, v, c, s, @import, @at FROM unnest(@kpi, @mun, @period, @gender, @value, @count, @status) AS t(k, m, p, g, v, c, s)
                ON CONFLICT (kpi, municipality, period, gender) DO UPDATE SET value = excluded.value, count = excluded.count,
                    status = excluded.status, import_id = excluded.import_id, imported_at = excluded.imported_at
                """,
                [
                    new NpgsqlParameter("import", NpgsqlDbType.Uuid) { Value = importId },
                    new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = now.UtcDateTime },
                    Array("kpi", chunk.Select(r => r.Kpi)), Array("mun", chunk.Select(r => r.Municipality)),
                    new NpgsqlParameter("period", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = chunk.Select(r => r.Period).ToArray() },
                    Array("gender", chunk.Select(r => r.Gender)),
                    new NpgsqlParameter("value", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = chunk.Select(r => r.Value).ToArray() },
                    new NpgsqlParameter("count", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = chunk.Select(r => r.Count).ToArray() },
                    Array("status", chunk.Select(r => r.Status)),
                ], ct);
        }
        return rows.Length;
    }

    static NpgsqlParameter Array(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
