using System.Text;
using System.Text.Json;

namespace Medborgare.HostileInput;

/// <summary>
/// Writes JSON as text, because most hostile values are not values a JSON library will write (1e400, a lone surrogate,
/// invalid UTF-8). A path segment of null stands for "the first item of an array".
/// </summary>
static class JsonText
{
    static readonly byte[] RawSurrogate = [0xED, 0xA0, 0x80];

    public static string String(string value) => JsonSerializer.Serialize(value);

    /// <summary><c>{"a":[{"b":VALUE}]}</c> for the path a, (item), b.</summary>
    public static string Nest(IReadOnlyList<string?> path, string rawValue)
    {
        var text = rawValue;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            text = path[i] is { } name ? "{" + String(name) + ":" + text + "}" : "[" + text + "]";
        }
        return text;
    }

    /// <summary>An object with the seed members first, then the mutated member (a seed member of the same name is left out).</summary>
    public static string ObjectWith(IReadOnlyList<KeyValuePair<string, string>> seeds, string name, string rawValue)
    {
        var members = seeds.Where(s => s.Key != name).Select(s => String(s.Key) + ":" + s.Value).Append(String(name) + ":" + rawValue);
        return "{" + string.Join(",", members) + "}";
    }

    /// <summary>UTF-8, with the raw-surrogate marker turned into the bytes ED A0 80.</summary>
    public static byte[] Bytes(string json)
    {
        if (!json.Contains(HostileValues.RawSurrogateMarker, StringComparison.Ordinal)) return Encoding.UTF8.GetBytes(json);
        var parts = json.Split(HostileValues.RawSurrogateMarker);
        var bytes = new List<byte>(json.Length + 8);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) bytes.AddRange(RawSurrogate);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }
        return [.. bytes];
    }

    /// <summary>A short, printable description of a raw value for the mutation name.</summary>
    public static string Describe(string rawValue) => rawValue.Length switch
    {
        _ when rawValue.Contains(HostileValues.RawSurrogateMarker, StringComparison.Ordinal) => "raw-bytes-ED-A0-80",
        > 40 => $"{rawValue[..12]}…({rawValue.Length} chars)",
        _ => rawValue,
    };
}
