using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// Reads a population frame: a CSV extract from the population register, UTF-8 (a BOM is fine),
/// ';' between fields, a header row in any column order with names in any case:
/// id;namn;adress;postnummer;ort;fodd;kon;distrikt ("född" and "kön" work too).
/// Every bad field is reported with its file line and column, up to an error limit.
/// </summary>
public static class PopulationFrameCsv
{
    public const char Separator = ';';
    /// <summary>The columns, in the order <see cref="FrameRowReader"/> expects its values.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "namn", "adress", "postnummer", "ort", "fodd", "kon", "distrikt"];

    /// <summary>Reads against the current calendar year (the latest allowed birth year).</summary>
    public static FrameParseResult Parse(TextReader reader, int maxErrors = 200) =>
        Parse(reader, maxErrors, DateTime.Today.Year);

    public static FrameParseResult Parse(TextReader reader, int maxErrors, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxErrors, 1);

        var csv = new CsvRecordReader(reader, Separator);
        if (!csv.Read() || csv.IsBlank)
            return Result([], [new FrameError(1, "", new(FrameFileEmpty, "Filen är tom: rubrikraden saknas", "The file is empty: the header row is missing"))], false);

        var headerErrors = new List<FrameError>();
        var columnAt = MapHeader(csv.Fields, headerErrors);
        if (headerErrors.Count > 0) return Result([], headerErrors, false);
        var fieldCount = csv.Fields.Count;

        var rows = new FrameRowReader(maxErrors, currentYear);
        var persons = new List<FramePerson>();
        var values = new string[Columns.Count];
        while (!rows.LimitReached && csv.Read())
        {
            if (csv.IsBlank) continue;
            if (csv.UnterminatedQuote)
            {
                rows.AddError(csv.Line, "", new(FrameQuoteUnterminated, "Ett citattecken avslutas aldrig", "A quotation mark is never closed"));
                continue;
            }
            if (csv.Fields.Count != fieldCount)
            {
                rows.AddError(csv.Line, "", new(FrameFieldCount, $"Raden har {csv.Fields.Count} fält men rubriken har {fieldCount}",
                    $"The line has {csv.Fields.Count} fields but the header has {fieldCount}"));
                continue;
            }
            for (var c = 0; c < values.Length; c++) values[c] = csv.Fields[columnAt[c]].Trim();
            if (rows.Read(csv.Line, values) is { } person) persons.Add(person);
        }
        return Result(persons, rows.Errors, rows.LimitReached);
    }

    // The position in the file of each of our columns; unknown extra columns are ignored.
    static int[] MapHeader(IReadOnlyList<string> header, List<FrameError> errors)
    {
        var columnAt = new int[Columns.Count];
        Array.Fill(columnAt, -1);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant() switch
            {
                "född" => "fodd",
                "kön" => "kon",
                var other => other,
            };
            var column = IndexOf(name);
            if (column < 0) continue;
            if (columnAt[column] >= 0) errors.Add(new FrameError(1, Columns[column], new(FrameColumnTwice,
                $"Kolumnen '{Columns[column]}' förekommer två gånger", $"The column '{Columns[column]}' appears twice")));
            else columnAt[column] = i;
        }
        for (var c = 0; c < Columns.Count; c++)
            if (columnAt[c] < 0) errors.Add(new FrameError(1, Columns[c], new(FrameColumnMissing,
                $"Kolumnen '{Columns[c]}' saknas i rubrikraden", $"The column '{Columns[c]}' is missing from the header row")));
        return columnAt;
    }

    static int IndexOf(string name)
    {
        for (var c = 0; c < Columns.Count; c++)
            if (Columns[c] == name) return c;
        return -1;
    }

    static FrameParseResult Result(List<FramePerson> persons, List<FrameError> errors, bool stopped) =>
        new() { Persons = persons, Errors = errors, StoppedAtErrorLimit = stopped };
}
