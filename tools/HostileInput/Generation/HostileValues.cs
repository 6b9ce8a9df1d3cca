using System.Text;

namespace Medborgare.HostileInput;

/// <summary>The hostile values themselves, in one place. JSON fragments are raw JSON text; path and query values are sent as written.</summary>
public static class HostileValues
{
    public const int LongStringLength = 70_000;
    public const int HugeBodyBytes = 3 * 1024 * 1024;
    public const int NestingDepth = 10_000;
    public const string UnknownFieldName = "zzUnknown";

    public static readonly string LongString = new('a', LongStringLength);

    /// <summary>Stands for the raw bytes ED A0 80 (a UTF-8-encoded lone surrogate, invalid UTF-8) inside JSON text.</summary>
    internal const string RawSurrogateMarker = "\u0001RAW-SURROGATE\u0001";

    public static readonly string[] MalformedJson =
    [
        "{", "{\"a\":", "{\"a\":1,}", "[1,2,]", "{\"a\" 1}", "{'a':1}", "}", "{\"a\":1}}", "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":1 \"b\":2}",
    ];

    /// <summary>No integer type holds these; System.Text.Json refuses them for int and long.</summary>
    public static readonly string[] IntegerOverflows = ["9223372036854775808", "-9223372036854775809", "1e400", "1e308", "-1e308", "1.5"];

    /// <summary>A double takes these (1e400 becomes Infinity): only the service's own checks refuse them.</summary>
    public static readonly string[] BigNumbers = ["1e308", "-1e308", "1e400", "9223372036854775808", "-9223372036854775809"];

    /// <summary>ASP.NET Core reads named floating-point literals into a double; into an integer they fail.</summary>
    public static readonly string[] NanLike = ["\"NaN\"", "\"Infinity\"", "\"-Infinity\""];

    public static readonly string[] LoneSurrogates = ["\"\\ud800\"", "\"" + RawSurrogateMarker + "\"", "\"\\udfff\\ud800\""];

    /// <summary>Percent-encoded path segment values that name nothing: a route constraint refuses them, or no row has the id.</summary>
    public static readonly (string Name, string Value)[] PathValues =
    [
        ("not-a-guid", "not-a-guid"),
        ("nil-guid", "00000000-0000-0000-0000-000000000000"),
        ("huge-int", "9223372036854775808"),
        ("negative-huge-int", "-9223372036854775809"),
        ("int-overflow", "2147483648"),
        ("exponent", "1e400"),
        ("dot-dot", "..%2f..%2f..%2fetc%2fpasswd"),
        ("double-encoded-dot-dot", "%252e%252e%252f"),
        ("encoded-dots", "%2e%2e"),
        ("nul", "%00"),
        ("invalid-utf8", "%ff%fe%fd"),
        ("lone-surrogate", "%ED%A0%80"),
        ("bad-escape", "%zz"),
        ("lone-percent", "%"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("sql", "1%27%20OR%20%271%27%3D%271"),
        ("braces", "%7B%7D"),
        ("long-5000", new string('a', 5_000)),
        ("too-long-10000", new string('b', 10_000)),
    ];

    /// <summary>Percent-encoded query values that no parameter accepts as meaningful.</summary>
    public static readonly (string Name, string Value)[] QueryValues =
    [
        ("not-a-number", "not-a-number"),
        ("nan", "NaN"),
        ("huge-int", "9223372036854775808"),
        ("negative-huge-int", "-9223372036854775809"),
        ("exponent", "1e400"),
        ("nul", "%00"),
        ("invalid-utf8", "%ff%fe"),
        ("lone-surrogate", "%ED%A0%80"),
        ("bad-escape", "%zz"),
        ("dot-dot", "..%2f..%2f"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("sql", "%27%3B%20DROP%20TABLE%20surveys%3B--"),
        ("long-5000", new string('a', 5_000)),
    ];

    /// <summary>Bodies for operations that take none, each with the Content-Type it is sent as.</summary>
    public static readonly (string Name, string ContentType, string Body)[] JunkBodies =
    [
        ("text-plain", "text/plain", "hostile"),
        ("xml", "application/xml", "<zzUnknown>1</zzUnknown>"),
        ("json", "application/json", "{\"zzUnknown\":1}"),
        ("malformed-json", "application/json", "{"),
        ("multipart-json", "multipart/form-data; boundary=hostile", Multipart("hostile", "{\"zzUnknown\":1}")),
    ];

    public static string Multipart(string boundary, string json) =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n{json}\r\n--{boundary}--\r\n";

    /// <summary>Three megabytes of a JSON object that never closes, built once and shared.</summary>
    public static readonly Lazy<byte[]> HugeBody = new(() =>
    {
        var bytes = new byte[HugeBodyBytes];
        Array.Fill(bytes, (byte)'a');
        Encoding.ASCII.GetBytes("{\"zzPadding\":\"").CopyTo(bytes, 0);
        return bytes;
    });
}
