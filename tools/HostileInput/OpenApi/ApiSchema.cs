namespace Medborgare.HostileInput;

/// <summary>What a JSON value must be, as far as the generator needs to know to send something else.</summary>
public enum SchemaKind { Unknown, Object, Dictionary, Array, String, Integer, Number, Boolean, Enum }

/// <summary>
/// A schema from an OpenAPI document with <c>$ref</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> and type arrays such as
/// <c>["null", "integer", "string"]</c> resolved away. The "string" beside "integer" or "number" in such an array is
/// System.Text.Json's numbers-as-strings allowance, so the value is still a number.
/// </summary>
public sealed record ApiSchema
{
    public static readonly ApiSchema Unknown = new() { Kind = SchemaKind.Unknown };

    public required SchemaKind Kind { get; init; }
    public bool Nullable { get; init; }
    public string? Format { get; init; }
    public int? MaxLength { get; init; }
    public IReadOnlyList<string> EnumValues { get; init; } = [];
    public IReadOnlyDictionary<string, ApiSchema> Properties { get; init; } = new Dictionary<string, ApiSchema>();
    public ApiSchema? Items { get; init; }

    /// <summary>
    /// A string that System.Text.Json parses into a typed value (Guid, DateOnly, DateTimeOffset, TimeSpan) or an enum name:
    /// anything else in it fails while the body is read, before any handler runs.
    /// </summary>
    public bool IsParsedString => Kind == SchemaKind.Enum
        || (Kind == SchemaKind.String && (EnumValues.Count > 0 || Format is "uuid" or "date" or "date-time" or "time" or "duration"));
}
