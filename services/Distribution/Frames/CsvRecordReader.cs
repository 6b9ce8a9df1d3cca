using System.Text;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// Reads RFC 4180 records with a configurable separator from a stream of lines, keeping track of
/// file line numbers. A quoted field may hold the separator, doubled quotes and line breaks.
/// Lenient where the RFC is strict: a quote inside an unquoted field is kept as a character.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator)
{
    readonly List<string> fields = [];
    readonly StringBuilder field = new();
    int linesRead;

    /// <summary>The fields of the current record, valid until the next read.</summary>
    public IReadOnlyList<string> Fields => fields;

    /// <summary>The file line on which the current record starts (1-based).</summary>
    public int Line { get; private set; }

    /// <summary>The current record ended inside a quoted field at the end of the file.</summary>
    public bool UnterminatedQuote { get; private set; }

    /// <summary>True when the current record is an empty or blank line.</summary>
    public bool IsBlank => fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]);

    public bool Read()
    {
        fields.Clear();
        UnterminatedQuote = false;
        var line = reader.ReadLine();
        if (line is null) return false;
        if (++linesRead == 1 && line.StartsWith('\uFEFF')) line = line[1..];
        Line = linesRead;

        if (!line.Contains('"'))
        {
            SplitUnquoted(line);
            return true;
        }

        field.Clear();
        var inQuotes = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else inQuotes = false;
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '"' && IsWhiteSpace(field))
                {
                    field.Clear();
                    inQuotes = true;
                }
                else field.Append(c);
            }
            if (!inQuotes) break;

            var next = reader.ReadLine();
            if (next is null)
            {
                UnterminatedQuote = true;
                break;
            }
            linesRead++;
            field.Append('\n');
            line = next;
        }
        fields.Add(field.ToString());
        return true;
    }

    void SplitUnquoted(string line)
    {
        var start = 0;
        int at;
        while ((at = line.IndexOf(separator, start)) >= 0)
        {
            fields.Add(line[start..at]);
            start = at + 1;
        }
        fields.Add(line[start..]);
    }

    static bool IsWhiteSpace(StringBuilder builder)
    {
        for (var i = 0; i < builder.Length; i++)
            if (!char.IsWhiteSpace(builder[i])) return false;
        return true;
    }
}
