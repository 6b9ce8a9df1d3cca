using System.Text.Json;

namespace Medborgare.HostileInput;

/// <summary>
/// Reads the operations of an OpenAPI 3.x document (as Microsoft.AspNetCore.OpenApi writes it at <c>/openapi/v1.json</c>)
/// with System.Text.Json: paths, methods, path-level and operation-level parameters and request bodies, with
/// <c>$ref</c> to components followed.
/// </summary>
public static class OpenApiDocumentReader
{
    static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IReadOnlyList<ApiOperation> Read(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("openapi", out var version)
            || version.GetString() is not { } v || !v.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new FormatException("Not an OpenAPI 3.x document: the 'openapi' field is missing or not 3.x.");
        }
        var schemas = new SchemaReader(root);
        var operations = new List<ApiOperation>();
        if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object) return operations;

        foreach (var path in paths.EnumerateObject())
        {
            var shared = Parameters(path.Value, schemas);
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object) continue;
                var own = Parameters(operation, schemas);
                var parameters = own.Concat(shared.Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In))).ToList();
                var upper = method.ToUpperInvariant();
                var id = operation.TryGetProperty("operationId", out var opId) && opId.GetString() is { Length: > 0 } name ? name : $"{upper} {path.Name}";
                operations.Add(new ApiOperation(upper, path.Name, id, parameters, Body(operation, schemas)));
            }
        }
        return operations;
    }

    static List<ApiParameter> Parameters(JsonElement owner, SchemaReader schemas)
    {
        var list = new List<ApiParameter>();
        if (!owner.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array) return list;
        foreach (var item in parameters.EnumerateArray())
        {
            var parameter = Dereference(item, schemas);
            if (!parameter.TryGetProperty("name", out var name) || !parameter.TryGetProperty("in", out var location)) continue;
            var required = parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            var schema = parameter.TryGetProperty("schema", out var s) ? schemas.Read(s) : ApiSchema.Unknown;
            list.Add(new ApiParameter(name.GetString()!, location.GetString()!, required, schema));
        }
        return list;
    }

    static ApiBody? Body(JsonElement operation, SchemaReader schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var raw)) return null;
        var body = Dereference(raw, schemas);
        var required = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        var content = new List<ApiContent>();
        if (body.TryGetProperty("content", out var types) && types.ValueKind == JsonValueKind.Object)
        {
            foreach (var type in types.EnumerateObject())
            {
                var schema = type.Value.TryGetProperty("schema", out var s) ? schemas.Read(s) : ApiSchema.Unknown;
                content.Add(new ApiContent(type.Name, schema));
            }
        }
        return content.Count == 0 ? null : new ApiBody(required, content);
    }

    /// <summary>Parameters and request bodies may themselves be <c>$ref</c>s into <c>#/components/...</c>.</summary>
    static JsonElement Dereference(JsonElement element, SchemaReader schemas) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference)
            && schemas.Follow(reference.GetString()) is { } target ? target : element;
}
