using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medborgare.HostileInput;

/// <summary>The command line: parse, run, print, and exit 0 (no finding), 1 (findings) or 2 (usage error, or the run could not start).</summary>
public static class HostileCli
{
    public const int NoFindings = 0, Findings = 1, UsageError = 2;

    public const string Usage = """
        Sends hostile requests to every operation of running Medborgare services and reports any 5xx, any 4xx without
        ProblemDetails, any success to a state-changing request, and any timeout or reset.

        usage: dotnet run --project tools/HostileInput -- --target NAME=URL [--target NAME=URL ...] [options]

          --target NAME=URL     a service (e.g. distribution=http://127.0.0.1:5101); its OpenAPI is read from URL/openapi/v1.json
          --signing-key KEY     the app's Auth:SigningKey, for staff tokens (default: $MEDBORGARE_SIGNING_KEY)
          --per-operation N     requests per operation (default 32), each sent once per identity
          --seed N              the seed of the run (default 1); the same seed sends the same requests
          --value NAME=VALUE    a real value (e.g. id=<an existing survey>, code=<a real code>), used only beside a body
                                that fails while it is read
          --skip OPERATION      leave out an operation (its operationId, or "POST /api/path/{id}"); repeatable
          --no-unknown-fields   do not send {"zzUnknown":1}-style bodies (for services that ignore unknown members)
          --concurrency N       requests in flight (default 4)
          --timeout SECONDS     per request (default 30)
          --json PATH           also write the report as JSON
          --allow-remote        allow targets that are not on loopback
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        HostileRunOptions options;
        string? jsonPath;
        try
        {
            (options, jsonPath) = Parse(args);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync(ex.Message + Environment.NewLine + Environment.NewLine + Usage);
            return UsageError;
        }

        HostileReport report;
        try
        {
            report = await HostileRun.RunAsync(options, ct);
        }
        catch (HostileRunException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return UsageError;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; no report.");
            return UsageError;
        }
        await output.WriteAsync(report.Summary());
        if (jsonPath is not null)
        {
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, json), ct);
            await output.WriteLineAsync($"Report written to {jsonPath}.");
        }
        return report.Findings.Count == 0 ? NoFindings : Findings;
    }

    /// <summary>Throws <see cref="FormatException"/> with a message for the user on any usage error.</summary>
    public static (HostileRunOptions Options, string? JsonPath) Parse(string[] args)
    {
        var targets = new List<HostileTarget>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var skip = new HashSet<string>(StringComparer.Ordinal);
        string? key = Environment.GetEnvironmentVariable(HostileRunOptions.SigningKeyVariable), json = null;
        int perOperation = GeneratorSettings.DefaultPerOperation, seed = 1, concurrency = 4, timeout = 30;
        bool remote = false, unknownFields = true;

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--target":
                    var (name, url) = Pair(Next(), "--target");
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new FormatException($"--target {name}: '{url}' is not an absolute URL.");
                    targets.Add(new HostileTarget(name, uri));
                    break;
                case "--value":
                    var (valueName, value) = Pair(Next(), "--value");
                    values[valueName] = value;
                    break;
                case "--signing-key": key = Next(); break;
                case "--per-operation": perOperation = Number(Next(), "--per-operation", 1); break;
                case "--seed": seed = Number(Next(), "--seed", int.MinValue); break;
                case "--concurrency": concurrency = Number(Next(), "--concurrency", 1); break;
                case "--timeout": timeout = Number(Next(), "--timeout", 1); break;
                case "--json": json = Next(); break;
                case "--skip": skip.Add(Next()); break;
                case "--allow-remote": remote = true; break;
                case "--no-unknown-fields": unknownFields = false; break;
                case "--help" or "-h": throw new FormatException("Hostile input generator.");
                default: throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }
        if (targets.Count == 0) throw new FormatException("Give at least one --target NAME=URL.");
        if (string.IsNullOrWhiteSpace(key))
            throw new FormatException($"Give the app's signing key with --signing-key or {HostileRunOptions.SigningKeyVariable}, for the staff tokens.");

        return (new HostileRunOptions
        {
            Targets = targets, SigningKey = key, PerOperation = perOperation, Seed = seed, SeedValues = values, SkipOperations = skip,
            SendUnknownFields = unknownFields, Concurrency = concurrency, Timeout = TimeSpan.FromSeconds(timeout), AllowRemote = remote,
        }, json);
    }

    static (string Name, string Value) Pair(string text, string option)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw new FormatException($"{option} takes NAME=VALUE, not '{text}'.");
        return (text[..at], text[(at + 1)..]);
    }

    static int Number(string text, string option, int min) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new FormatException($"{option} takes a whole number{(min > int.MinValue ? $" of at least {min}" : "")}, not '{text}'.");
}
