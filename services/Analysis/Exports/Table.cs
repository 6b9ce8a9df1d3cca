using System.Globalization;
using System.Text;

namespace Medborgare.Analysis.Exports;

/// <summary>A plain table (header and rows of text or numbers) that can be written as CSV or as an XLSX sheet.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// CSV as Swedish Excel opens it with a double click: UTF-8 with BOM, ';' between fields and a decimal comma.
    /// Numbers are formatted invariantly and then given a comma, because sv-SE formatting writes U+2212 for minus,
    /// which Excel does not read as a number. R reads it with <c>read.csv2</c>.
    /// </summary>
    public static byte[] ToCsv(params Table[] tables)
    {
        var text = new StringBuilder();
        var first = tables[0];
        text.AppendJoin(';', first.Header.Select(Field)).Append("\r\n");
        foreach (var table in tables)
            foreach (var row in table.Rows) text.AppendJoin(';', row.Select(v => Field(Csv(v)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Csv(object? value) => value switch
    {
        null => "",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture).Replace('.', ',') : "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
