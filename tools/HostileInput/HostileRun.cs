using System.Collections.Concurrent;
using Medborgare.ServiceDefaults;

namespace Medborgare.HostileInput;

/// <summary>
/// A whole run: read each target's OpenAPI document, generate the hostile requests, send each once per identity with
/// bounded concurrency, and classify the answers into a <see cref="HostileReport"/>.
/// </summary>
public static class HostileRun
{
    public static async Task<HostileReport> RunAsync(HostileRunOptions options, CancellationToken ct = default)
    {
        Validate(options);
        var identities = options.Identities ?? HostileIdentity.Standard(options.SigningKey);
        using var http = HostileSender.CreateClient(options.Concurrency);

        var requests = new List<HostileRequest>();
        var skipped = new List<string>();
        foreach (var target in options.Targets)
        {
            var operations = (await ReadOperationsAsync(http, target, options.Timeout, ct))
                .Where(o => !options.SkipOperations.Contains(o.OperationId) && !options.SkipOperations.Contains(o.ToString()))
                .ToList();
            var generated = HostileRequestGenerator.Generate(target.Name, target.BaseUri, operations, options.Generator);
            requests.AddRange(generated.Requests);
            skipped.AddRange(generated.Skipped);
        }

        var sender = new HostileSender(http, options.Timeout);
        var sent = new ConcurrentBag<SentRequest>();
        var work = identities.SelectMany(identity => requests.Select(request => (request, identity)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct },
            async (item, token) => sent.Add(new SentRequest(item.request, item.identity, await sender.SendAsync(item.request, item.identity, token))));
        return HostileReport.Create(options.Seed, sent, skipped);
    }

    static async Task<IReadOnlyList<ApiOperation>> ReadOperationsAsync(HttpClient http, HostileTarget target, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        string json;
        try
        {
            using var response = await http.GetAsync(target.OpenApiUri, deadline.Token);
            if (!response.IsSuccessStatusCode)
                throw new HostileRunException($"{target.Name}: {target.OpenApiUri} answered {(int)response.StatusCode}; is the OpenAPI document mapped?");
            json = await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new HostileRunException($"{target.Name}: could not read {target.OpenApiUri}: {ex.Message}", ex);
        }
        try
        {
            return OpenApiDocumentReader.Read(json);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw new HostileRunException($"{target.Name}: {target.OpenApiUri} is not an OpenAPI 3 document: {ex.Message}", ex);
        }
    }

    static void Validate(HostileRunOptions options)
    {
        if (options.Targets.Count == 0) throw new HostileRunException("Give at least one target.");
        if (options.PerOperation < 1) throw new HostileRunException("The count per operation must be at least 1.");
        if (options.Concurrency < 1) throw new HostileRunException("Concurrency must be at least 1.");
        if (options.Timeout <= TimeSpan.Zero) throw new HostileRunException("The timeout must be positive.");
        foreach (var target in options.Targets)
        {
            if (!target.BaseUri.IsAbsoluteUri || target.BaseUri.Scheme is not ("http" or "https"))
                throw new HostileRunException($"{target.Name}: '{target.BaseUri}' is not an http(s) address.");
            if (!options.AllowRemote && !target.BaseUri.IsLoopback)
                throw new HostileRunException($"{target.Name}: {target.BaseUri.Host} is not loopback; hostile input goes to other machines only with --allow-remote.");
        }
        if (options.SigningKey is { } key)
        {
            try
            {
                StaffAuthentication.CreateToken(key, "hostile-check", [StaffRoles.Admin]);
            }
            catch (InvalidOperationException ex)
            {
                throw new HostileRunException($"The signing key cannot sign a token: {ex.Message}", ex);
            }
        }
    }
}
