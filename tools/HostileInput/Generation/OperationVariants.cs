using System.Globalization;

namespace Medborgare.HostileInput;

/// <summary>A way to make one hostile request for an operation; <see cref="Make"/> draws fresh random path values each call.</summary>
sealed record Variant(MutationFamily Family, Func<HostileRequest> Make);

/// <summary>
/// Every hostile variant of one operation. The rules that keep each request invalid:
/// <list type="bullet">
/// <item>With a body: each request carries one body mutation; path values are random (a random GUID names no row), or
/// seed values, but those only beside a mutation that fails while the body is read.</item>
/// <item>Without a body: only hostile path or query values and junk bodies, always with a random GUID in the path. Without a
/// GUID path parameter only path values that no route accepts; with no path parameter at all, a state-changing operation is
/// skipped, since any request to it could be valid.</item>
/// </list>
/// </summary>
sealed class OperationVariants(string service, Uri baseUri, ApiOperation operation, GeneratorSettings settings, Random random)
{
    const string Json = "application/json";
    int bindingTurn;

    /// <summary>Why a state-changing operation cannot be sent hostile input safely, or null.</summary>
    public string? SkipReason => operation is { IsSafe: false, Body: null } && !operation.PathParameters.Any()
        ? "takes no body and no path parameter: any request to it could be valid"
        : null;

    public List<Variant> All()
    {
        var variants = new List<Variant>();
        if (SkipReason is not null) return variants;
        if (operation.Body is { } body)
        {
            foreach (var mutation in BodyMutations.For(body, random, settings.SendUnknownFields))
                variants.Add(new Variant(mutation.Family, () => WithBody(mutation)));
        }
        var inertPaths = operation.IsSafe || operation.Body is not null || operation.PathParameters.Any(PathFiller.IsGuid);
        foreach (var parameter in operation.PathParameters)
        {
            foreach (var (name, value) in HostileValues.PathValues)
                variants.Add(new Variant(MutationFamily.HostilePath, () => Plain(MutationFamily.HostilePath, $"path:{parameter.Name}={name}",
                    Path(new() { [parameter.Name] = value }), "", BodyBesidePathOrQuery())));
        }
        if (!inertPaths) return variants;

        var queries = operation.QueryParameters.Select(q => q.Name).ToList();
        // An unknown parameter is harmless only where no body is read: a handler that reads a raw body would take it.
        if (operation.Body is null) queries.Add(HostileValues.UnknownFieldName);
        foreach (var query in queries)
        {
            foreach (var (name, value) in HostileValues.QueryValues)
                variants.Add(new Variant(MutationFamily.HostileQuery, () => Plain(MutationFamily.HostileQuery, $"query:{query}={name}",
                    Path([]), Query(query, value), BodyBesidePathOrQuery())));
        }
        if (operation.Body is null)
        {
            foreach (var (name, contentType, text) in HostileValues.JunkBodies)
                variants.Add(new Variant(MutationFamily.JunkBody, () => Plain(MutationFamily.JunkBody, $"junk-body:{name}", Path([]), "",
                    (System.Text.Encoding.UTF8.GetBytes(text), contentType))));
        }
        return variants;
    }

    HostileRequest WithBody(BodyMutation mutation)
    {
        var seeding = mutation.FailsAtBinding && bindingTurn++ % 2 == 1;
        var used = new List<string>();
        var pathSeeds = new Dictionary<string, string>();
        if (seeding)
        {
            foreach (var p in operation.PathParameters.Where(p => settings.SeedValues.ContainsKey(p.Name)))
            {
                pathSeeds[p.Name] = Uri.EscapeDataString(settings.SeedValues[p.Name]);
                used.Add(p.Name);
            }
        }
        var members = seeding && mutation.TakesSeedMembers ? SeedMembers(mutation.TopProperty) : [];
        used.AddRange(members.Select(m => m.Key));
        var body = mutation.Build(members);
        return Request(mutation.Family, mutation.Name, Path(pathSeeds), Query(null, null), body, mutation.ContentType, mutation.FailsAtBinding, used);
    }

    HostileRequest Plain(MutationFamily family, string mutation, string path, string query, (byte[] Body, string ContentType)? body) =>
        Request(family, mutation, path, query, body?.Body, body?.ContentType, false, []);

    HostileRequest Request(MutationFamily family, string mutation, string path, string query, byte[]? body, string? contentType,
        bool failsAtBinding, IReadOnlyList<string> seeds) => new()
    {
        Service = service, BaseUri = baseUri, OperationId = operation.OperationId, Method = operation.Method,
        PathTemplate = operation.PathTemplate, PathAndQuery = path + query, Body = body, ContentType = contentType,
        Family = family, Mutation = mutation, FailsAtBinding = failsAtBinding, SeedValuesUsed = seeds, ExpectsRejection = !operation.IsSafe,
    };

    /// <summary>Beside a hostile path or query value, an operation with a body gets a malformed one, so nothing valid is ever sent.</summary>
    (byte[] Body, string ContentType)? BodyBesidePathOrQuery() => operation.Body is { } body
        ? ("{"u8.ToArray(), body.Json?.MediaType ?? body.Content[0].MediaType)
        : null;

    /// <summary>The path with the given values and random inert values for the other parameters.</summary>
    string Path(Dictionary<string, string> given)
    {
        foreach (var p in operation.PathParameters.Where(p => !given.ContainsKey(p.Name))) given[p.Name] = PathFiller.Inert(p, random);
        return PathFiller.Fill(operation.PathTemplate, given);
    }

    /// <summary>Required query parameters get inert values (so a missing one does not hide the mutation); the hostile one its value.</summary>
    string Query(string? hostileName, string? hostileValue)
    {
        var values = operation.QueryParameters.Where(q => q.Required && q.Name != hostileName)
            .Select(q => KeyValuePair.Create(q.Name, Uri.EscapeDataString(PathFiller.Inert(q, random)))).ToList();
        if (hostileName is not null) values.Add(KeyValuePair.Create(hostileName, hostileValue!));
        return PathFiller.Query(values);
    }

    /// <summary>Seed values for the body's top-level properties of the same name, as JSON of the property's type.</summary>
    List<KeyValuePair<string, string>> SeedMembers(string? mutated)
    {
        if (operation.Body?.Json?.Schema is not { Kind: SchemaKind.Object } schema) return [];
        return schema.Properties.Where(p => p.Key != mutated && settings.SeedValues.ContainsKey(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SeedJson(p.Value, settings.SeedValues[p.Key]))).ToList();
    }

    static string SeedJson(ApiSchema schema, string value) => schema.Kind switch
    {
        SchemaKind.Integer or SchemaKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => value,
        SchemaKind.Boolean when value is "true" or "false" => value,
        _ => JsonText.String(value),
    };
}
