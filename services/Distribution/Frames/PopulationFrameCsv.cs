using static Medborgare.Distribution.Frames.FrameFieldRules;

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
    public static readonly IReadOnlyList<string> Columns = ["id", "namn", "adress", "postnummer", "ort", "fodd", "kon", "distrikt"];

    const int Id = 0, Name = 1, Address = 2, PostalCode = 3, Town = 4, Born = 5, Sex = 6, District = 7;

    /// <summary>Reads against the current calendar year (the latest allowed birth year).</summary>
    public static FrameParseResult Parse(TextReader reader, int maxErrors = 200) =>
        Parse(reader, maxErrors, DateTime.Today.Year);

    public static FrameParseResult Parse(TextReader reader, int maxErrors, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxErrors, 1);

        var errors = new List<FrameError>();
        var persons = new List<FramePerson>();
        var csv = new CsvRecordReader(reader, Separator);
        if (!csv.Read() || csv.IsBlank)
            return Result(persons, [new FrameError(1, "", "Filen är tom: rubrikraden saknas")], false);

        var columnAt = MapHeader(csv.Fields, errors);
        if (errors.Count > 0) return Result(persons, errors, false);
        var fieldCount = csv.Fields.Count;

        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new string[Columns.Count];
        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.IsBlank) continue;
            if (csv.UnterminatedQuote)
            {
                if (Add(line, "", "Ett citattecken avslutas aldrig")) break;
                continue;
            }
            if (csv.Fields.Count != fieldCount)
            {
                if (Add(line, "", $"Raden har {csv.Fields.Count} fält men rubriken har {fieldCount}")) break;
                continue;
            }
            for (var c = 0; c < values.Length; c++) values[c] = csv.Fields[columnAt[c]].Trim();

            if (ReadRow(line, values, currentYear, firstLineOfId, Add) is { } person) persons.Add(person);
            if (errors.Count >= maxErrors) break;
        }
        return Result(persons, errors, errors.Count >= maxErrors);

        // Records an error; true when the limit is reached and reading should stop.
        bool Add(int line, string column, string message)
        {
            if (errors.Count < maxErrors) errors.Add(new FrameError(line, column, message));
            return errors.Count >= maxErrors;
        }
    }

    static FramePerson? ReadRow(int line, string[] values, int currentYear,
        Dictionary<string, int> firstLineOfId, Func<int, string, string, bool> addError)
    {
        var ok = true;
        void Check(int column, string? message)
        {
            if (message is null) return;
            addError(line, Columns[column], message);
            ok = false;
        }

        // The birth year is read first (a ten-digit personnummer takes its century from it) but
        // reported in column order, like every other message.
        var birthYearMessage = BirthYear(values[Born], currentYear, out var birthYear);
        int? hint = birthYear > 0 ? birthYear : null;
        Check(Id, FrameFieldRules.Id(values[Id], hint, currentYear, out var id, out var personnummerYear));
        if (id.Length > 0)
        {
            if (firstLineOfId.TryGetValue(id, out var earlier)) Check(Id, $"Id '{values[Id]}' förekommer redan på rad {earlier}");
            else firstLineOfId[id] = line;
        }
        Check(Name, Required(values[Name], "Namn", MaxNameLength));
        Check(Address, Required(values[Address], "Adress", MaxAddressLength));
        Check(PostalCode, FrameFieldRules.PostalCode(values[PostalCode], out var postalCode));
        Check(Town, Required(values[Town], "Ort", MaxTownLength));
        Check(Born, birthYearMessage);
        if (personnummerYear is { } fromId && hint is { } given && fromId != given)
            Check(Born, $"Födelseåret {given} stämmer inte med personnumret ({fromId})");
        Check(Sex, FrameFieldRules.Sex(values[Sex], out var sex));
        Check(District, Required(values[District], "Distrikt", MaxDistrictLength));

        return ok
            ? new FramePerson(id, values[Name], values[Address], postalCode, values[Town], birthYear, sex, values[District])
            : null;
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
            if (columnAt[column] >= 0) errors.Add(new FrameError(1, Columns[column], $"Kolumnen '{Columns[column]}' förekommer två gånger"));
            else columnAt[column] = i;
        }
        for (var c = 0; c < Columns.Count; c++)
            if (columnAt[c] < 0) errors.Add(new FrameError(1, Columns[c], $"Kolumnen '{Columns[c]}' saknas i rubrikraden"));
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
