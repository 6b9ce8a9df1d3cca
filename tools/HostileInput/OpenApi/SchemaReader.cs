using System.Text.Json;

namespace Medborgare.HostileInput;

/// <summary>
/// Turns an OpenAPI 3.x schema into an <see cref="ApiSchema"/>: follows <c>$ref</c> to <c>#/components/schemas/...</c>,
/// folds <c>oneOf</c>/<c>anyOf</c> with a <c>{"type": "null"}</c> branch into a nullable schema, and reads type arrays.
/// Self-referencing schemas are cut off at <see cref="MaxDepth"/>; the generator never goes that deep.
/// </summary>
sealed class SchemaReader(JsonElement root)
{
    const int MaxDepth = 5;

    public ApiSchema Read(JsonElement schema) => Read(schema, 0);

    ApiSchema Read(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth) return ApiSchema.Unknown;
        if (schema.TryGetProperty("$ref", out var reference)) return Resolve(reference.GetString(), depth);
        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array) return Branches(branches, depth);
        }

        var types = Types(schema);
        var nullable = types.Remove("null");
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            var names = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();
            nullable |= values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null);
            if (types.Count == 0 || types.SetEquals(["string"]))
                return new ApiSchema { Kind = SchemaKind.Enum, EnumValues = names, Nullable = nullable };
        }

        var kind = KindOf(types, schema);
        return new ApiSchema
        {
            Kind = kind,
            Nullable = nullable,
            Format = schema.TryGetProperty("format", out var format) ? format.GetString() : null,
            MaxLength = schema.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var m) ? m : null,
            Properties = kind == SchemaKind.Object ? Properties(schema, depth) : new Dictionary<string, ApiSchema>(),
            Items = kind switch
            {
                SchemaKind.Array when schema.TryGetProperty("items", out var items) => Read(items, depth + 1),
                SchemaKind.Dictionary when schema.TryGetProperty("additionalProperties", out var values2) => Read(values2, depth + 1),
                _ => null,
            },
        };
    }

    static SchemaKind KindOf(HashSet<string> types, JsonElement schema)
    {
        if (types.Contains("integer")) return SchemaKind.Integer;
        if (types.Contains("number")) return SchemaKind.Number;
        if (types.Count > 1) return SchemaKind.Unknown;
        var hasProperties = schema.TryGetProperty("properties", out _);
        var isMap = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object;
        return types.FirstOrDefault() switch
        {
            "string" => SchemaKind.String,
            "boolean" => SchemaKind.Boolean,
            "array" => SchemaKind.Array,
            "object" or null when isMap && !hasProperties => SchemaKind.Dictionary,
            "object" => SchemaKind.Object,
            null when hasProperties => SchemaKind.Object,
            _ => SchemaKind.Unknown,
        };
    }

    static HashSet<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return [];
        if (type.ValueKind == JsonValueKind.String) return [type.GetString()!];
        return type.ValueKind == JsonValueKind.Array
            ? [.. type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
            : [];
    }

    Dictionary<string, ApiSchema> Properties(JsonElement schema, int depth)
    {
        var properties = new Dictionary<string, ApiSchema>(StringComparer.Ordinal);
        if (!schema.TryGetProperty("properties", out var list) || list.ValueKind != JsonValueKind.Object) return properties;
        foreach (var property in list.EnumerateObject()) properties[property.Name] = Read(property.Value, depth + 1);
        return properties;
    }

    /// <summary>One real branch beside a null branch is that branch, nullable; a true union is left unknown.</summary>
    ApiSchema Branches(JsonElement branches, int depth)
    {
        var all = branches.EnumerateArray().ToList();
        var real = all.Where(b => !IsNullSchema(b)).ToList();
        if (real.Count != 1) return ApiSchema.Unknown;
        var schema = Read(real[0], depth);
        return real.Count < all.Count ? schema with { Nullable = true } : schema;
    }

    static bool IsNullSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    ApiSchema Resolve(string? reference, int depth) =>
        Follow(reference) is { } target ? Read(target, depth + 1) : ApiSchema.Unknown;

    /// <summary>A local JSON pointer such as <c>#/components/schemas/CreateSurveyRequest</c>.</summary>
    public JsonElement? Follow(string? reference)
    {
        if (reference is null || !reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        var node = root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var name = raw.Replace("~1", "/").Replace("~0", "~");
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node)) return null;
        }
        return node;
    }
}
