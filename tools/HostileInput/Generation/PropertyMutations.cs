namespace Medborgare.HostileInput;

/// <summary>
/// One mutation in one property of an otherwise empty JSON body: a wrong type, an overflowing number, a NaN-like string,
/// a lone surrogate or a 70,000-character string. Properties are visited to two levels (a property, and the properties of
/// an object in it or of the items of an array in it).
/// </summary>
static class PropertyMutations
{
    const int MaxDepth = 2;
    const string Json = "application/json";

    public static IEnumerable<BodyMutation> For(ApiSchema body)
    {
        var start = body.Kind == SchemaKind.Array && body.Items is { } items ? (Schema: items, Path: new List<string?> { null })
            : (Schema: body, Path: []);
        if (start.Schema.Kind != SchemaKind.Object) yield break;
        var topIsObject = body.Kind == SchemaKind.Object;

        foreach (var (path, schema) in Walk(start.Schema, start.Path, 0))
        {
            foreach (var (family, raw, failsAtBinding) in Values(schema))
            {
                var top = topIsObject ? path[0] : null;
                var rest = topIsObject ? path.Skip(1).ToList() : path;
                yield return new BodyMutation(family, $"{family.Kebab()}:{MutationNames.PathText(path)}={JsonText.Describe(raw)}", failsAtBinding, Json,
                    seeds => JsonText.Bytes(top is null ? JsonText.Nest(rest, raw) : JsonText.ObjectWith(seeds, top, JsonText.Nest(rest, raw))))
                {
                    TopProperty = top,
                    TakesSeedMembers = topIsObject,
                };
            }
        }
    }

    static IEnumerable<(List<string?> Path, ApiSchema Schema)> Walk(ApiSchema schema, List<string?> path, int depth)
    {
        foreach (var (name, property) in schema.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            List<string?> here = [.. path, name];
            yield return (here, property);
            if (depth + 1 >= MaxDepth) continue;
            if (property.Kind == SchemaKind.Object)
            {
                foreach (var inner in Walk(property, here, depth + 1)) yield return inner;
            }
            else if (property is { Kind: SchemaKind.Array, Items: { } items })
            {
                List<string?> item = [.. here, null];
                if (items.Kind == SchemaKind.Object)
                {
                    foreach (var inner in Walk(items, item, depth + 1)) yield return inner;
                }
                else yield return (item, items);
            }
        }
    }

    /// <summary>
    /// The values for one property, and whether System.Text.Json (with ASP.NET Core's web defaults: numbers may come as
    /// strings, named floating-point literals are read, enums by name or number) refuses each while reading the body.
    /// </summary>
    static IEnumerable<(MutationFamily Family, string Raw, bool FailsAtBinding)> Values(ApiSchema schema)
    {
        switch (schema.Kind)
        {
            case SchemaKind.String or SchemaKind.Enum:
                var parsed = schema.IsParsedString;
                var isEnum = schema.Kind == SchemaKind.Enum || schema.EnumValues.Count > 0;
                // An enum takes a number (as a number or a numeric string), so a number is no wrong type for it.
                foreach (var v in isEnum ? ["true", "{}", "[]"] : (string[])["12345", "true", "{}", "[]"]) yield return (MutationFamily.WrongType, v, true);
                yield return (MutationFamily.LongString, JsonText.String(HostileValues.LongString), parsed);
                foreach (var v in HostileValues.LoneSurrogates) yield return (MutationFamily.LoneSurrogate, v, true);
                break;
            case SchemaKind.Integer:
                foreach (var v in (string[])["\"not-a-number\"", "true", "{}", "[]"]) yield return (MutationFamily.WrongType, v, true);
                foreach (var v in HostileValues.IntegerOverflows) yield return (MutationFamily.IntegerOverflow, v, true);
                yield return (MutationFamily.NanLike, "\"NaN\"", true);
                break;
            case SchemaKind.Number:
                foreach (var v in (string[])["\"not-a-number\"", "true", "{}", "[]"]) yield return (MutationFamily.WrongType, v, true);
                foreach (var v in HostileValues.BigNumbers) yield return (MutationFamily.BigNumber, v, false);
                foreach (var v in HostileValues.NanLike) yield return (MutationFamily.NanLike, v, false);
                break;
            case SchemaKind.Boolean:
                foreach (var v in (string[])["\"true\"", "1", "{}", "[]"]) yield return (MutationFamily.WrongType, v, true);
                break;
            case SchemaKind.Object:
                foreach (var v in (string[])["\"x\"", "1", "true"]) yield return (MutationFamily.WrongType, v, true);
                yield return (MutationFamily.ArrayForObject, "[]", true);
                break;
            case SchemaKind.Dictionary:
                foreach (var v in (string[])["\"x\"", "1", "[]"]) yield return (MutationFamily.WrongType, v, true);
                break;
            case SchemaKind.Array:
                yield return (MutationFamily.ObjectForArray, "{}", true);
                foreach (var v in (string[])["\"x\"", "1", "true"]) yield return (MutationFamily.WrongType, v, true);
                break;
        }
    }
}
