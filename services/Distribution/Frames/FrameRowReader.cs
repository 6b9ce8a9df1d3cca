using static Medborgare.ApiContracts.Distribution.DistributionErrorCodes;
using static Medborgare.Distribution.Frames.FrameFieldRules;

namespace Medborgare.Distribution.Frames;

/// <summary>
/// Checks the rows of one frame file in turn: every field, and ids across rows. Collects the
/// errors up to a limit. Repeated values (district, town, postcode) share one string each,
/// which keeps a 100,000-row frame small.
/// </summary>
internal sealed class FrameRowReader(int maxErrors, int currentYear)
{
    // Positions in the values array, in the order of PopulationFrameCsv.Columns.
    public const int Id = 0, Name = 1, Address = 2, PostalCode = 3, Town = 4, Born = 5, Sex = 6, District = 7;

    readonly Dictionary<string, int> firstLineOfId = new(StringComparer.Ordinal);
    readonly HashSet<string> sharedValues = new(StringComparer.Ordinal);
    readonly List<FrameError> errors = [];
    int line;
    string[] row = [];
    bool rowOk;

    public List<FrameError> Errors => errors;

    public bool LimitReached => errors.Count >= maxErrors;

    /// <summary>Records an error unless the limit is reached; true when reading should stop.</summary>
    public bool AddError(int fileLine, string column, FrameText error, string? value = null)
    {
        if (!LimitReached) errors.Add(new FrameError(fileLine, column, error, value));
        return LimitReached;
    }

    /// <summary>The person on <paramref name="fileLine"/>, or null when any field is bad.</summary>
    public FramePerson? Read(int fileLine, string[] values)
    {
        line = fileLine;
        row = values;
        rowOk = true;

        // The birth year is read first (a ten-digit personnummer takes its century from it) but
        // reported in column order, like every other message.
        var birthYearMessage = BirthYear(values[Born], currentYear, out var birthYear);
        int? hint = birthYear > 0 ? birthYear : null;
        Check(Id, FrameFieldRules.Id(values[Id], hint, currentYear, out var id, out var personnummerYear));
        if (id.Length > 0)
        {
            if (firstLineOfId.TryGetValue(id, out var earlier)) Check(Id, new FrameText(FrameIdTwice, $"Id '{values[Id]}' förekommer redan på rad {earlier}",
                $"Id '{values[Id]}' already appears on line {earlier}"));
            else firstLineOfId[id] = line;
        }
        Check(Name, Required(values[Name], NameField, MaxNameLength));
        Check(Address, Required(values[Address], AddressField, MaxAddressLength));
        Check(PostalCode, FrameFieldRules.PostalCode(values[PostalCode], out var postalCode));
        Check(Town, Required(values[Town], TownField, MaxTownLength));
        Check(Born, birthYearMessage);
        if (personnummerYear is { } fromId && hint is { } given && fromId != given)
            Check(Born, new FrameText(FrameBirthYearMismatch, $"Födelseåret {given} stämmer inte med personnumret ({fromId})",
                $"The birth year {given} does not match the personnummer ({fromId})"));
        Check(Sex, FrameFieldRules.Sex(values[Sex], out var sex));
        Check(District, Required(values[District], DistrictField, MaxDistrictLength));

        return rowOk
            ? new FramePerson(id, values[Name], values[Address], Shared(postalCode), Shared(values[Town]), birthYear, sex,
                Shared(values[District]))
            : null;
    }

    void Check(int column, FrameText? error)
    {
        if (error is null) return;
        AddError(line, PopulationFrameCsv.Columns[column], error, row[column]);
        rowOk = false;
    }

    string Shared(string value)
    {
        if (sharedValues.TryGetValue(value, out var shared)) return shared;
        sharedValues.Add(value);
        return value;
    }
}
