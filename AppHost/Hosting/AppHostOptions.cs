namespace Medborgare.AppHost.Hosting;

/// <summary>What the AppHost reads from its command line and environment.</summary>
public sealed record AppHostOptions
{
    public required string RepositoryRoot { get; init; }
    public required string StateDirectory { get; init; }
    /// <summary>Use this PostgreSQL server (a superuser connection string) instead of starting one.</summary>
    public string? ExistingPostgres { get; init; }
    /// <summary>Use this RabbitMQ broker (amqp://user:pass@host:port) instead of starting one.</summary>
    public string? ExistingRabbitMq { get; init; }
    public string? OtlpEndpoint { get; init; }
    /// <summary>Extra environment for every service process (the tests set the OTLP protocol and the export delay here).</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// The environment every part runs in: Production, unless asked otherwise with <c>--environment Development</c> (or
    /// <c>MEDBORGARE_ENVIRONMENT</c>). Tests that stand for a user run the default.
    /// </summary>
    public string Environment { get; init; } = "Production";
    /// <summary>Start only PostgreSQL and RabbitMQ (for the test command), and write their addresses to <see cref="EnvFile"/>.</summary>
    public bool ServersOnly { get; init; }
    public string? EnvFile { get; init; }
    /// <summary>Populate the app with the demo municipality once every resource is healthy (first run in this state folder only).</summary>
    public bool Demo { get; init; }
    /// <summary>The web app's port when it is free (another free port otherwise); 0 for any free port, as the tests use.</summary>
    public int WebPort { get; init; } = 5080;
    public string BuildConfiguration { get; init; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
    public TextWriter Output { get; init; } = Console.Out;
    public string[] Arguments { get; init; } = [];

    public static AppHostOptions Parse(string[] args)
    {
        var root = FindRepositoryRoot();
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        return new AppHostOptions
        {
            RepositoryRoot = root,
            StateDirectory = Path.GetFullPath(Arg("--state-dir") ?? Path.Combine(root, ".medborgare")),
            ExistingPostgres = Arg("--postgres") ?? System.Environment.GetEnvironmentVariable("ConnectionStrings__postgres"),
            ExistingRabbitMq = Arg("--rabbitmq") ?? System.Environment.GetEnvironmentVariable("ConnectionStrings__messaging"),
            OtlpEndpoint = System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"),
            ServersOnly = args.Contains("--servers-only"),
            EnvFile = Arg("--env-file"),
            Demo = args.Contains("--demo"),
            Environment = Arg("--environment") ?? System.Environment.GetEnvironmentVariable("MEDBORGARE_ENVIRONMENT") ?? "Production",
            Arguments = args,
        };
    }

    /// <summary>The folder holding Medborgare.sln, found upwards from the running assembly.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medborgare.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Medborgare.sln was not found above " + AppContext.BaseDirectory);
    }
}
