using System.Reflection;
using System.Text.Json;

namespace Medborgare.Web.Tests;

/// <summary>
/// Every call a typed client makes exists in its service's OpenAPI document with that method, every field of the record it sends
/// is a property of the operation's request body, and every field of the record it reads is a property of the operation's answer.
/// A renamed route, a dropped field or a field the web app made up fails here, not on a page.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class OpenApiContractTests(ServiceApps services)
{
    [Fact]
    public async Task Every_client_call_matches_its_services_OpenAPI_document()
    {
        var documents = services.Documents;
        var calls = await ClientCalls.RecordAsync();
        Assert.NotEmpty(calls);

        var disagreements = calls.SelectMany(call => Disagreements(call, documents[call.Service])).ToList();

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    static IEnumerable<string> Disagreements(ClientCall call, JsonElement document)
    {
        var where = $"{call.Client}.{call.Operation}: {call.Method} {call.Path} ({call.Service})";
        if (Operation(document, call.Method, call.Path) is not { } operation)
        {
            yield return $"{where}: no such operation in the OpenAPI document";
            yield break;
        }
        if (call.Body is { } body)
        {
            var schema = operation.TryGetProperty("requestBody", out var requestBody) ? JsonSchema(document, requestBody) : null;
            foreach (var field in Missing(document, schema, body)) yield return $"{where}: the request field '{field}' of {body.Name} is not in the operation's body";
        }
        if (call.Expected is { } expected && expected != typeof(JsonElement))
        {
            var schema = operation.TryGetProperty("responses", out var responses)
                ? responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => JsonSchema(document, r.Value)).FirstOrDefault(s => s is not null)
                : null;
            if (schema is null) yield return $"{where}: the operation documents no JSON answer, but the client reads a {expected.Name}";
            else foreach (var field in Missing(document, schema, expected)) yield return $"{where}: the answer has no field '{field}' that {expected.Name} reads";
        }
    }

    /// <summary>
    /// The operation for a method and a concrete path: a template segment in braces matches any segment, and a literal segment
    /// wins over a template one (<c>/api/cases/committees</c> before <c>/api/cases/{id}</c>), as routing has it.
    /// </summary>
    static JsonElement? Operation(JsonElement document, HttpMethod method, string path)
    {
        var segments = path.Trim('/').Split('/');
        var candidates = new List<(int Literals, JsonElement Operation)>();
        foreach (var template in document.GetProperty("paths").EnumerateObject())
        {
            var parts = template.Name.Trim('/').Split('/');
            if (parts.Length != segments.Length || !parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second)) continue;
            if (template.Value.TryGetProperty(method.Method.ToLowerInvariant(), out var operation))
                candidates.Add((parts.Count(p => !p.StartsWith('{')), operation));
        }
        return candidates.Count == 0 ? null : candidates.MaxBy(c => c.Literals).Operation;
    }

    /// <summary>The JSON schema of a request body or a response, with references followed.</summary>
    static JsonElement? JsonSchema(JsonElement document, JsonElement bodyOrResponse) =>
        bodyOrResponse.TryGetProperty("content", out var content) && content.EnumerateObject().FirstOrDefault(c => c.Name.Contains("json")) is
            { Value: var media } && media.ValueKind == JsonValueKind.Object && media.TryGetProperty("schema", out var schema)
            ? Resolve(document, schema)
            : null;

    static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
                schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document, (node, name) => node.GetProperty(name));
            // An optional body or a nullable record: { "oneOf": [{ "type": "null" }, { "$ref": … }] }.
            else if (new[] { "oneOf", "anyOf" }.Select(k => schema.TryGetProperty(k, out var any) ? any : (JsonElement?)null).FirstOrDefault(a => a is not null) is { } choices
                && choices.EnumerateArray().FirstOrDefault(c => !(c.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")) is
                    { ValueKind: JsonValueKind.Object } choice)
                schema = choice;
            else return schema;
        }
    }

    /// <summary>The record's fields (its constructor's parameters, camelCase) that the schema does not have; for a list, its items'.</summary>
    static IEnumerable<string> Missing(JsonElement document, JsonElement? schema, Type record)
    {
        if (schema is not { } found) return RecordFields(record);
        var element = ElementType(record);
        if (element is not null)
            return found.TryGetProperty("items", out var items) ? Missing(document, Resolve(document, items), element) : RecordFields(element);
        var properties = found.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToHashSet(StringComparer.Ordinal) : [];
        return RecordFields(record).Where(f => !properties.Contains(f));
    }

    static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IReadOnlyList<>) || d == typeof(List<>)) ? type.GetGenericArguments()[0]
        : null;

    static IEnumerable<string> RecordFields(Type record) =>
        record.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?
            .GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)) ?? [];
}
