using Medborgare.DemoSeeder;
using Microsoft.Extensions.Configuration;

namespace Medborgare.AppHost;

/// <summary>
/// What the AppHost reads from its command line (<c>--state-dir DIR</c>, <c>--demo</c>, ...) or any other configuration source, and
/// <c>MEDBORGARE_ENVIRONMENT</c>.
/// </summary>
public sealed record MedborgareOptions
{
    /// <summary>Where the local servers keep their data and passwords (git-ignored <c>.medborgare/</c> by default).</summary>
    public required string StateDirectory { get; init; }
    /// <summary>An existing PostgreSQL server (a superuser connection string) instead of a local one.</summary>
    public string? ExistingPostgres { get; init; }
    /// <summary>An existing RabbitMQ broker (amqp://user:pass@host:port) instead of a local one.</summary>
    public string? ExistingRabbitMq { get; init; }
    /// <summary>The environment every part runs in: Production unless <c>--environment Development</c> asks otherwise.</summary>
    public string Environment { get; init; } = "Production";
    /// <summary>Fill the app with the demo municipality (once per state folder).</summary>
    public bool Demo { get; init; }
    /// <summary>Instances of Collection and of Analysis.</summary>
    public int Replicas { get; init; } = 1;
    /// <summary>The web app's port; 0 for any free one (as the tests ask).</summary>
    public int WebPort { get; init; } = 5080;
    /// <summary>Only PostgreSQL and RabbitMQ, with their addresses written to <see cref="ServersEnvFile"/> (for the test command).</summary>
    public bool ServersOnly { get; init; }
    public string? ServersEnvFile { get; init; }
    /// <summary>
    /// The municipality this deployment serves (<c>--municipality-name</c>, <c>--municipality-code</c>), handed to every part as
    /// <c>Municipality:Name</c> and <c>Municipality:Code</c>: the one place they are set. Unless given, and always with <c>--demo</c>,
    /// the demo's Älvsala kommun (9901, no real kommun).
    /// </summary>
    public string MunicipalityName { get; init; } = DemoMunicipality.Name;
    public string MunicipalityCode { get; init; } = DemoMunicipality.Code;
    /// <summary>
    /// The address printed in the letters (<c>--answer-url</c>), where residents answer: the public address of the web app's
    /// <c>/svara</c> behind the municipality's own host name. Unless given, the web app's own address on this machine.
    /// </summary>
    public string? AnswerUrl { get; init; }
    /// <summary>
    /// The SMTP server that answers to synpunkter are e-mailed through (<c>--smtp host:port</c>), such as the municipality's
    /// relay. Unless given, e-mailed answers wait in their cases, where caseworkers see them as not sent.
    /// </summary>
    public (string Host, int Port)? Smtp { get; init; }

    /// <summary>From the command line (normalized) and the environment, before the AppHost's builder exists (it depends on them).</summary>
    public static MedborgareOptions From(string[] args) =>
        From(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build());

    public static MedborgareOptions From(IConfiguration configuration)
    {
        string? Get(string key) => configuration[key];
        var root = RepositoryRoot();
        var demo = Flag(Get("demo"));
        var name = Get("municipality-name") ?? Get("Municipality:Name") ?? DemoMunicipality.Name;
        var code = Get("municipality-code") ?? Get("Municipality:Code") ?? DemoMunicipality.Code;
        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
            throw new ArgumentException($"The municipality code is a kommun code of four digits, not '{code}'.");
        if (demo && (name, code) != (DemoMunicipality.Name, DemoMunicipality.Code))
            throw new ArgumentException($"The demo fills {DemoMunicipality.Name} ({DemoMunicipality.Code}); leave out --municipality-name and --municipality-code with --demo.");
        return new MedborgareOptions
        {
            StateDirectory = Path.GetFullPath(Get("state-dir") ?? Path.Combine(root, ".medborgare")),
            // The test servers' addresses (MEDBORGARE_POSTGRES, …) are the tests' own and never mean "use this server" here.
            ExistingPostgres = Get("postgres") ?? configuration.GetConnectionString(ResourceNames.Postgres),
            ExistingRabbitMq = Get("rabbitmq") ?? configuration.GetConnectionString(ResourceNames.Messaging),
            Environment = Get("environment") ?? configuration["MEDBORGARE_ENVIRONMENT"] ?? "Production",
            Demo = demo,
            Replicas = int.TryParse(Get("replicas"), out var n) && n is >= 1 and <= 8 ? n : 1,
            WebPort = int.TryParse(Get("web-port"), out var port) && port is >= 0 and <= 65535 ? port : 5080,
            ServersOnly = Flag(Get("servers-only")),
            ServersEnvFile = Get("env-file"),
            MunicipalityName = name,
            MunicipalityCode = code,
            AnswerUrl = AbsoluteHttpUrl(Get("answer-url") ?? Get("Municipality:AnswerUrl")),
            Smtp = HostAndPort(Get("smtp") ?? Get("Smtp:Server")),
        };
    }

    static (string, int)? HostAndPort(string? value)
    {
        if (value is null) return null;
        var colon = value.LastIndexOf(':');
        if (colon > 0 && int.TryParse(value[(colon + 1)..], out var port) && port is > 0 and <= 65535 && Uri.CheckHostName(value[..colon]) != UriHostNameType.Unknown)
            return (value[..colon], port);
        throw new ArgumentException($"The SMTP server is given as host:port, such as smtp.kommun.se:587, not '{value}'.");
    }

    static string? AbsoluteHttpUrl(string? value) =>
        value is null ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? value.TrimEnd('/')
            : throw new ArgumentException($"The answer address is an absolute http or https address without a query, such as https://medborgare.example.se/svara, not '{value}'.");

    static readonly string[] Flags = ["--demo", "--servers-only"];

    /// <summary>
    /// The command line as configuration reads it: a bare flag (<c>--demo</c>) becomes <c>--demo=true</c>, since configuration
    /// would otherwise take the next argument as its value.
    /// </summary>
    public static string[] Normalize(string[] args) => [.. args.Select(a => Flags.Contains(a) ? a + "=true" : a)];

    /// <summary>A bare flag (<c>--demo</c>) reads as an empty value or "true".</summary>
    static bool Flag(string? value) => value is not null && (value.Length == 0 || bool.TryParse(value, out var b) && b);

    /// <summary>The folder holding Medborgare.sln, found upwards from the running assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medborgare.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Medborgare.sln was not found above " + AppContext.BaseDirectory);
    }
}
