using System.Text.Json;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>One value of a Kolada data document: a KPI for a municipality, period and gender.</summary>
public sealed record KoladaValue(string Kpi, string Municipality, int Period, string Gender, int? Count, string Status, double? Value);

/// <summary>One KPI from Kolada's metadata (<c>/v2/kpi</c>).</summary>
public sealed record KoladaKpi(string Id, string Title, string Description, bool IsDividedByGender, string MunicipalityType, string OperatingArea);

public sealed record KoladaPage<T>(IReadOnlyList<T> Values, string? NextPage);

/// <summary>A document that is not in Kolada's shape, or a page that could not be fetched: <see cref="Failure"/> says where and what.</summary>
public sealed class KoladaFormatException(ImportFailure failure) : Exception(ImportFailureText.For(failure).En)
{
    public ImportFailure Failure { get; } = failure;
}

/// <summary>
/// Reads Kolada v2 JSON documents strictly: <c>{ "count", "values": [...], "next_page" }</c>. Anything off the shape
/// (bad JSON, a missing field, an unknown gender, a value that is not a number) is an error naming where it is;
/// a null value is a missing value and stays null, never 0.
/// </summary>
public static class KoladaDocument
{
    static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static KoladaPage<KoladaValue> ParseData(string json, KoladaPlace where)
    {
        using var doc = Parse(json, where);
        var (items, next) = Envelope(doc.RootElement, where);
        var rows = new List<KoladaValue>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"values[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Error(where, at, KoladaNotAnObject);
            var kpi = RequiredString(item, "kpi", where, at, 20);
            var municipality = RequiredString(item, "municipality", where, at, 10);
            var period = RequiredInt(item, "period", where, at);
            if (period is < 1900 or > 2200) throw Error(where, $"{at}.period", KoladaPeriodImplausible, period.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!item.TryGetProperty("values", out var inner) || inner.ValueKind != JsonValueKind.Array)
            {
                throw Error(where, $"{at}.values", KoladaNotAList);
            }
            var j = 0;
            foreach (var v in inner.EnumerateArray())
            {
                var vat = $"{at}.values[{j++}]";
                if (v.ValueKind != JsonValueKind.Object) throw Error(where, vat, KoladaNotAnObject);
                var gender = RequiredString(v, "gender", where, vat, 1);
                if (gender is not ("T" or "K" or "M")) throw Error(where, $"{vat}.gender", KoladaGenderUnknown, gender);
                int? count = null;
                if (v.TryGetProperty("count", out var c) && c.ValueKind != JsonValueKind.Null)
                {
                    if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var n) || n < 0) throw Error(where, $"{vat}.count", KoladaNotACount);
                    count = n;
                }
                var status = "";
                if (v.TryGetProperty("status", out var s) && s.ValueKind != JsonValueKind.Null)
                {
                    if (s.ValueKind != JsonValueKind.String) throw Error(where, $"{vat}.status", KoladaNotText);
                    status = s.GetString()!;
                    if (status.Length > 50) throw Error(where, $"{vat}.status", KoladaTooLong, "50");
                }
                double? value = null;
                if (v.TryGetProperty("value", out var val) && val.ValueKind != JsonValueKind.Null)
                {
                    if (val.ValueKind != JsonValueKind.Number || !val.TryGetDouble(out var d) || !double.IsFinite(d))
                    {
                        throw Error(where, $"{vat}.value", KoladaValueNotANumber, val.GetRawText());
                    }
                    value = d;
                }
                rows.Add(new KoladaValue(kpi, municipality, period, gender, count, status, value));
            }
        }
        return new KoladaPage<KoladaValue>(rows, next);
    }

    public static KoladaPage<KoladaKpi> ParseKpis(string json, KoladaPlace where)
    {
        using var doc = Parse(json, where);
        var (items, next) = Envelope(doc.RootElement, where);
        var kpis = new List<KoladaKpi>();
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"values[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Error(where, at, KoladaNotAnObject);
            var divided = false;
            if (item.TryGetProperty("is_divided_by_gender", out var g) && g.ValueKind != JsonValueKind.Null)
            {
                // Kolada sends 0/1; true/false is accepted too.
                divided = g.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when g.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
                    _ => throw Error(where, $"{at}.is_divided_by_gender", KoladaNotZeroOrOne),
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

    static JsonDocument Parse(string json, KoladaPlace where)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new KoladaFormatException(new ImportFailure(KoladaInvalidJson, where, Line: (int)(ex.LineNumber ?? 0) + 1, Position: (int)(ex.BytePositionInLine ?? 0) + 1));
        }
    }

    static (JsonElement Values, string? NextPage) Envelope(JsonElement root, KoladaPlace where)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Error(where, null, KoladaDocumentNotAnObject);
        if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw Error(where, "values", KoladaNotAList);
        }
        string? next = null;
        if (root.TryGetProperty("next_page", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.String) throw Error(where, "next_page", KoladaNextPageNotALink);
            next = n.GetString();
        }
        if (root.TryGetProperty("count", out var c) && c.ValueKind != JsonValueKind.Number) throw Error(where, "count", KoladaNotANumber);
        return (values, string.IsNullOrWhiteSpace(next) ? null : next);
    }

    static string RequiredString(JsonElement e, string name, KoladaPlace where, string at, int maxLength)
    {
        if (!e.TryGetProperty(name, out var p)) throw Error(where, $"{at}.{name}", KoladaMissing);
        // Ids are text in Kolada: a municipality code written as a number would lose its leading zero (0180 → 180).
        if (p.ValueKind != JsonValueKind.String) throw Error(where, $"{at}.{name}", KoladaNotText, p.GetRawText());
        var s = p.GetString()!;
        if (string.IsNullOrWhiteSpace(s)) throw Error(where, $"{at}.{name}", KoladaBlank);
        if (s.Length > maxLength) throw Error(where, $"{at}.{name}", KoladaTooLong, maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return s.Trim();
    }

    static string OptionalString(JsonElement e, string name, KoladaPlace where, string at)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return "";
        if (p.ValueKind != JsonValueKind.String) throw Error(where, $"{at}.{name}", KoladaNotText);
        return p.GetString()!;
    }

    static int RequiredInt(JsonElement e, string name, KoladaPlace where, string at)
    {
        if (!e.TryGetProperty(name, out var p)) throw Error(where, $"{at}.{name}", KoladaMissing);
        if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n)) return n;
        if (p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)) return n;
        throw Error(where, $"{at}.{name}", KoladaNotAnInteger, p.GetRawText());
    }

    static KoladaFormatException Error(KoladaPlace where, string? path, string code, string? value = null) =>
        new(new ImportFailure(code, where, path, Shortened(value)));

    /// <summary>An offending value as the document has it, cut short: it may be a whole object.</summary>
    internal static string? Shortened(string? value) => value is { Length: > 100 } ? value[..100] + "…" : value;
}
