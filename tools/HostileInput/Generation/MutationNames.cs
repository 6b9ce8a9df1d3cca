using System.Text.RegularExpressions;

namespace Medborgare.HostileInput;

/// <summary>Kebab-case names for the families (<c>wrong-type</c>), as they appear in mutation names and reports.</summary>
public static partial class MutationNames
{
    public static string Kebab(this MutationFamily family) => Boundary().Replace(family.ToString(), "-$1").ToLowerInvariant();

    /// <summary><c>answers[].number</c> for the path answers, (item), number.</summary>
    public static string PathText(IReadOnlyList<string?> path) =>
        string.Concat(path.Select((segment, i) => segment is null ? "[]" : i == 0 ? segment : "." + segment));

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Boundary();
}
