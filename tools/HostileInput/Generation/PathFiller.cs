using System.Text.RegularExpressions;

namespace Medborgare.HostileInput;

/// <summary>Fills a path template and builds a query string from values that are already percent-encoded.</summary>
static partial class PathFiller
{
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "hostile");

    public static string Query(IEnumerable<KeyValuePair<string, string>> values)
    {
        var pairs = values.Select(v => Uri.EscapeDataString(v.Key) + "=" + v.Value).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>
    /// A value that fits the parameter's type but names nothing: a random GUID (no row has it), a random number, or a
    /// random word. Only a GUID is sure to name nothing; the generator relies on that for operations that take no body.
    /// </summary>
    public static string Inert(ApiParameter parameter, Random random) => parameter.Schema switch
    {
        { Kind: SchemaKind.String, Format: "uuid" } => RandomGuid(random).ToString(),
        { Kind: SchemaKind.Integer } => random.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Kind: SchemaKind.Boolean } => "false",
        _ => "hostile-" + random.Next(0, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static bool IsGuid(ApiParameter parameter) => parameter.Schema is { Kind: SchemaKind.String, Format: "uuid" };

    public static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    [GeneratedRegex(@"\{([^}:*]+)[^}]*\}")]
    private static partial Regex Placeholder();
}
