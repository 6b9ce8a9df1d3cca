using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Medborgare.Analysis.Exports;

/// <summary>
/// A minimal Office Open XML workbook (SpreadsheetML in a zip), one worksheet per table, written with
/// System.IO.Compression: no OpenXML package is in the pinned package set. Strings are inline strings, numbers
/// are numeric cells, so Excel and LibreOffice sum and chart them.
/// </summary>
public static class Xlsx
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(params Table[] tables)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{string.Concat(tables.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))}</Types>
                """);
            Entry(zip, "_rels/.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Entry(zip, "xl/workbook.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets>{string.Concat(tables.Select((t, i) => $"""<sheet name="{Escape(t.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>"""))}</sheets></workbook>
                """);
            Entry(zip, "xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(tables.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="{Relationships}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))}</Relationships>
                """);
            for (var i = 0; i < tables.Length; i++) Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", Sheet(tables[i]));
        }
        return stream.ToArray();
    }

    static string Sheet(Table table)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData>""");
        Row(xml, 1, table.Header.Cast<object?>().ToArray());
        for (var r = 0; r < table.Rows.Count; r++) Row(xml, r + 2, table.Rows[r]);
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    static void Row(StringBuilder xml, int number, object?[] values)
    {
        xml.Append($"<row r=\"{number}\">");
        for (var c = 0; c < values.Length; c++)
        {
            var reference = Column(c) + number.ToString(CultureInfo.InvariantCulture);
            switch (values[c])
            {
                case null: break;
                case double d when !double.IsFinite(d): break;
                case double or long or int:
                    xml.Append($"<c r=\"{reference}\"><v>{((IFormattable)values[c]!).ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                    break;
                default:
                    xml.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(Table.Csv(values[c]))}</t></is></c>");
                    break;
            }
        }
        xml.Append("</row>");
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    static string Escape(string text) => SecurityElement.Escape(text);

    static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
