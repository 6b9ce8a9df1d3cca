using System.Text;

namespace Medborgare.DemoSeeder;

/// <summary>Reads the print house's CSV (UTF-8 with BOM, ';', a header: namn;adress;postnummer;ort;kod;webbadress).</summary>
public static class PrintFile
{
    public static IReadOnlyList<Letter> Parse(string csv)
    {
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return [];
        var header = Fields(lines[0]);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new DemoSeedingException($"The print file has no column '{name}'");
        var (nameAt, postcodeAt, codeAt) = (Column("namn"), Column("postnummer"), Column("kod"));
        return lines.Skip(1).Select((line, i) =>
        {
            var f = Fields(line);
            return new Letter(i, f[nameAt].Split(' ')[0], f[postcodeAt], f[codeAt]);
        }).ToList();
    }

    /// <summary>Fields of one line, with "quoted; fields" and doubled quotes.</summary>
    static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
