using System.Text;

namespace Medborgare.HostileInput;

/// <summary>
/// Whole-body mutations: malformed JSON, garbage bytes, <c>null</c>, the wrong shape, an unknown field, deep nesting,
/// three megabytes, an empty body and the wrong Content-Type, plus the property mutations of <see cref="PropertyMutations"/>.
/// "Fails at binding" is claimed only for a body bound as a JSON object or array: a body declared as a plain string
/// (<c>Accepts&lt;string&gt;</c>) is read by the handler itself, and nothing is known about what it accepts.
/// </summary>
static class BodyMutations
{
    const string Json = "application/json";

    public static List<BodyMutation> For(ApiBody body, Random random, bool sendUnknownFields)
    {
        if (body.Json is { } json) return ForJson(json.Schema, body.Required, random, sendUnknownFields);
        return ForOther(body.Content[0].MediaType, random);
    }

    static List<BodyMutation> ForJson(ApiSchema schema, bool required, Random random, bool sendUnknownFields)
    {
        var bound = schema.Kind is SchemaKind.Object or SchemaKind.Dictionary or SchemaKind.Array;
        var list = new List<BodyMutation>();
        void Add(MutationFamily family, string name, string text, bool failsAtBinding, string contentType = Json) =>
            list.Add(new BodyMutation(family, $"{family.Kebab()}:{name}", failsAtBinding && bound, contentType, _ => JsonText.Bytes(text)));

        foreach (var text in HostileValues.MalformedJson) Add(MutationFamily.MalformedJson, text, text, true);
        list.Add(new BodyMutation(MutationFamily.MalformedJson, "malformed-json:truncated-object", bound, Json,
            seeds => Encoding.UTF8.GetBytes("{" + string.Concat(seeds.Select(s => JsonText.String(s.Key) + ":" + s.Value + ",")) + "\"zz\":"))
        { TakesSeedMembers = schema.Kind is SchemaKind.Object });

        list.Add(new BodyMutation(MutationFamily.GarbageBytes, "garbage-bytes:random", bound, Json, _ => Garbage(random, 256)));
        list.Add(new BodyMutation(MutationFamily.GarbageBytes, "garbage-bytes:nul", bound, Json, _ => new byte[16]));
        list.Add(new BodyMutation(MutationFamily.GarbageBytes, "garbage-bytes:utf16", bound, Json, _ => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{}")).ToArray()));

        // A body that may be left out takes null and nothing as "no body": those would be valid requests.
        if (required)
        {
            // Refused for a required body, but it is no mutation of the body's content: never beside a seed value.
            Add(MutationFamily.NullLiteral, "null", "null", false);
            list.Add(new BodyMutation(MutationFamily.EmptyBody, "empty-body", false, Json, _ => []));
        }
        if (schema.Kind is SchemaKind.Object or SchemaKind.Dictionary)
        {
            foreach (var text in (string[])["[]", "[{}]", "[1,2,3]"]) Add(MutationFamily.ArrayForObject, text, text, true);
        }
        if (schema.Kind == SchemaKind.Array) Add(MutationFamily.ObjectForArray, "{}", "{}", true);
        if (bound)
        {
            foreach (var text in (string[])["\"x\"", "42", "true"]) Add(MutationFamily.WrongType, "body=" + text, text, true);
        }
        if (schema.Kind == SchemaKind.Object && sendUnknownFields)
        {
            Add(MutationFamily.UnknownField, HostileValues.UnknownFieldName, $"{{\"{HostileValues.UnknownFieldName}\":1}}", false);
            Add(MutationFamily.UnknownField, "__proto__", "{\"__proto__\":{\"polluted\":true}}", false);
        }

        Add(MutationFamily.DeepNesting, $"arrays-{HostileValues.NestingDepth}", new string('[', HostileValues.NestingDepth), true);
        Add(MutationFamily.DeepNesting, $"objects-{HostileValues.NestingDepth}", string.Concat(Enumerable.Repeat("{\"a\":", HostileValues.NestingDepth)), true);
        Add(MutationFamily.DeepNesting, $"closed-arrays-{HostileValues.NestingDepth}",
            new string('[', HostileValues.NestingDepth) + new string(']', HostileValues.NestingDepth), true);
        list.Add(new BodyMutation(MutationFamily.HugeBody, "huge-body:3MB-unterminated", bound, Json, _ => HostileValues.HugeBody.Value));

        var payload = $"{{\"{HostileValues.UnknownFieldName}\":1}}";
        Add(MutationFamily.WrongContentType, "text/plain", payload, false, "text/plain");
        Add(MutationFamily.WrongContentType, "application/xml", $"<{HostileValues.UnknownFieldName}>1</{HostileValues.UnknownFieldName}>", false, "application/xml");
        Add(MutationFamily.WrongContentType, "form-urlencoded", $"{HostileValues.UnknownFieldName}=1", false, "application/x-www-form-urlencoded");
        Add(MutationFamily.WrongContentType, "multipart-with-json", HostileValues.Multipart("hostile", payload), false, "multipart/form-data; boundary=hostile");

        list.AddRange(PropertyMutations.For(schema));
        return list;
    }

    /// <summary>CSV, multipart and other raw bodies: what is valid is up to the handler, so nothing here fails at binding.</summary>
    static List<BodyMutation> ForOther(string mediaType, Random random)
    {
        var list = new List<BodyMutation>();
        void Add(MutationFamily family, string name, Func<byte[]> bytes, string? contentType = null) =>
            list.Add(new BodyMutation(family, $"{family.Kebab()}:{name}", false, contentType ?? mediaType, _ => bytes()));

        var multipart = mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        Add(MutationFamily.EmptyBody, "empty-body", () => []);
        Add(MutationFamily.GarbageBytes, "random", () => Garbage(random, 512));
        Add(MutationFamily.GarbageBytes, "nul", () => new byte[64]);
        Add(MutationFamily.MalformedJson, "{", () => "{"u8.ToArray());
        Add(MutationFamily.LongString, "one-line-70000", () => Encoding.ASCII.GetBytes(HostileValues.LongString));
        Add(MutationFamily.LoneSurrogate, "raw-bytes-ED-A0-80", () => JsonText.Bytes("x;" + HostileValues.RawSurrogateMarker + ";y\n"));
        Add(MutationFamily.HugeBody, "3MB", () => HostileValues.HugeBody.Value);
        Add(MutationFamily.WrongContentType, "application/json", () => Encoding.UTF8.GetBytes($"{{\"{HostileValues.UnknownFieldName}\":1}}"), Json);
        Add(MutationFamily.WrongContentType, "text/plain", () => "hostile"u8.ToArray(), "text/plain");
        if (multipart)
        {
            Add(MutationFamily.MalformedJson, "multipart-without-boundary", () => Encoding.ASCII.GetBytes(HostileValues.Multipart("x", "{")), "multipart/form-data");
            Add(MutationFamily.MalformedJson, "multipart-wrong-boundary", () => Encoding.ASCII.GetBytes(HostileValues.Multipart("x", "{")), "multipart/form-data; boundary=other");
            Add(MutationFamily.WrongContentType, "multipart-with-json", () => Encoding.ASCII.GetBytes(HostileValues.Multipart("hostile", "{")), "multipart/form-data; boundary=hostile");
        }
        return list;
    }

    /// <summary>Random bytes that start with 0xFF, so they can never be JSON.</summary>
    static byte[] Garbage(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[0] = 0xFF;
        return bytes;
    }
}
