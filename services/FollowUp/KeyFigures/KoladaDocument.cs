using System.Text.Json;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>One value of a Kolada data document: a KPI for a municipality, period and gender.</summary>
public sealed record KoladaValue(string Kpi, string Municipality, int Period, string Gender, int? Count, string Status, double? Value);

/// <summary>One KPI from Kolada's metadata (<c>/v2/kpi</c>).</summary>
public sealed record KoladaKpi(string Id, string Title, string Description, bool IsDividedByGender, string MunicipalityType, string OperatingArea);

public sealed record KoladaPage<T>(IReadOnlyList<T> Values, string? NextPage);

/// <summary>A document that is not in Kolada's shape. The message says where (page, path) and what is wrong.</summary>
public sealed class KoladaFormatException(string message) : Exception(message);

/// <summary>
/// Reads Kolada v2 JSON documents strictly: <c>{ "count", "values": [...], "next_page" }</c>. Anything off the shape
/// (bad JSON, a missing field, an unknown gender, a value that is not a number) is an error naming where it is;
/// a null value is a missing value and stays null, never 0.
/// </summary>
public static class KoladaDocument
{
    static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static KoladaPage<KoladaValue> ParseData(string json, string where)
    {
        using var doc = Parse(json, where);
        var (items, next) = Envelope(doc.RootElement, where);
        var rows = new List<KoladaValue>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"values[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Error(where, at, "ska vara ett objekt");
            var kpi = RequiredString(item, "kpi", where, at, 20);
            var municipality = RequiredString(item, "municipality", where, at, 10);
            var period = RequiredInt(item, "period", where, at);
            if (period is < 1900 or > 2200) throw Error(where, $"{at}.period", $"orimlig period {period}");
            if (!item.TryGetProperty("values", out var inner) || inner.ValueKind != JsonValueKind.Array)
            {
                throw Error(where, $"{at}.values", "saknas eller är inte en lista");
            }
            var j = 0;
            foreach (var v in inner.EnumerateArray())
            {
                var vat = $"{at}.values[{j++}]";
                if (v.ValueKind != JsonValueKind.Object) throw Error(where, vat, "ska vara ett objekt");
                var gender = RequiredString(v, "gender", where, vat, 1);
                if (gender is not ("T" or "K" or "M")) throw Error(where, $"{vat}.gender", $"okänt kön \"{gender}\" (ska vara T, K eller M)");
                int? count = null;
                if (v.TryGetProperty("count", out var c) && c.ValueKind != JsonValueKind.Null)
                {
                    if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var n) || n < 0) throw Error(where, $"{vat}.count", "ska vara ett icke-negativt heltal");
                    count = n;
                }
                var status = "";
                if (v.TryGetProperty("status", out var s) && s.ValueKind != JsonValueKind.Null)
                {
                    if (s.ValueKind != JsonValueKind.String) throw Error(where, $"{vat}.status", "ska vara text");
                    status = s.GetString()!;
                    if (status.Length > 50) throw Error(where, $"{vat}.status", "är för lång");
                }
                double? value = null;
                if (v.TryGetProperty("value", out var val) && val.ValueKind != JsonValueKind.Null)
                {
                    if (val.ValueKind != JsonValueKind.Number || !val.TryGetDouble(out var d) || !double.IsFinite(d))
                    {
                        throw Error(where, $"{vat}.value", $"ska vara ett tal eller null, inte {val.GetRawText()}");
                    }
                    value = d;
                }
                rows.Add(new KoladaValue(kpi, municipality, period, gender, count, status, value));
            }
        }
        return new KoladaPage<KoladaValue>(rows, next);
    }

    public static KoladaPage<KoladaKpi> ParseKpis(string json, string where)
    {
        using var doc = Parse(json, where);
        var (items, next) = Envelope(doc.RootElement, where);
        var kpis = new List<KoladaKpi>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"values[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Error(where, at, "ska vara ett objekt");
            var divided = false;
            if (item.TryGetProperty("is_divided_by_gender", out var g) && g.ValueKind != JsonValueKind.Null)
            {
                // Kolada sends 0/1; true/false is accepted too.
                divided = g.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when g.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
                    _ => throw Error(where, $"{at}.is_divided_by_gender", "ska vara 0 eller 1"),
                };
            }
            kpis.Add(new KoladaKpi(
                RequiredString(item, "id", where, at, 20),
                RequiredString(item, "title", where, at, 500),
                OptionalString(item, "description", where, at),
                divided,
                OptionalString(item, "municipality_type", where, at),
                OptionalString(item, "operating_area", where, at)));
        }
        return new KoladaPage<KoladaKpi>(kpis, next);
    }

    static JsonDocument Parse(string json, string where)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new KoladaFormatException($"{where}: ogiltig JSON (rad {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1})");
        }
    }

    static (JsonElement Values, string? NextPage) Envelope(JsonElement root, string where)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error(where, "dokumentet", "ska vara ett JSON-objekt med \"values\"");
        if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw Error(where, "values", "saknas eller är inte en lista");
        }
        string? next = null;
        if (root.TryGetProperty("next_page", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.String) throw Error(where, "next_page", "ska vara en länk");
            next = n.GetString();
        }
        if (root.TryGetProperty("count", out var c) && c.ValueKind != JsonValueKind.Number) throw Error(where, "count", "ska vara ett tal");
        return (values, string.IsNullOrWhiteSpace(next) ? null : next);
    }

    static string RequiredString(JsonElement e, string name, string where, string at, int maxLength)
    {
        if (!e.TryGetProperty(name, out var p)) throw Error(where, $"{at}.{name}", "saknas");
        // Ids are text in Kolada: a municipality code written as a number would lose its leading zero (0180 → 180).
        if (p.ValueKind != JsonValueKind.String) throw Error(where, $"{at}.{name}", $"ska vara text, inte {p.GetRawText()}");
        var s = p.GetString()!;
        if (string.IsNullOrWhiteSpace(s)) throw Error(where, $"{at}.{name}", "är tom");
        if (s.Length > maxLength) throw Error(where, $"{at}.{name}", $"är längre än {maxLength} tecken");
        return s.Trim();
    }

    static string OptionalString(JsonElement e, string name, string where, string at)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return "";
        if (p.ValueKind != JsonValueKind.String) throw Error(where, $"{at}.{name}", "ska vara text");
        return p.GetString()!;
    }

    static int RequiredInt(JsonElement e, string name, string where, string at)
    {
        if (!e.TryGetProperty(name, out var p)) throw Error(where, $"{at}.{name}", "saknas");
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n)) return n;
        if (p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)) return n;
        throw Error(where, $"{at}.{name}", $"ska vara ett heltal, inte {p.GetRawText()}");
    }

    static KoladaFormatException Error(string where, string path, string what) => new($"{where}: {path} {what}");
}
