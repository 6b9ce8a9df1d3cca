using System.Security.Cryptography;

namespace Medborgare.AppHost.Hosting;

/// <summary>
/// A small stand-in for Aspire's builder: declare servers, databases and projects and how they reference
/// each other; <see cref="Build"/> turns the graph into something that runs.
/// </summary>
public sealed class DistributedApplicationBuilder(AppHostOptions options)
{
    static readonly ConsoleColor[] Palette = [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan];

    internal readonly List<PostgresResource> PostgresServers = [];
    internal readonly List<RabbitMqResource> Brokers = [];
    internal readonly List<ProjectResource> Projects = [];
    readonly List<IResourceWithConnectionString> databases = [];

    public AppHostOptions Options => options;

    /// <summary>Signs the bearer tokens between the web app and the services; new for every run.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public PostgresResource AddPostgres(string name)
    {
        var resource = new PostgresResource(name, this) { ExistingConnectionString = options.ExistingPostgres };
        PostgresServers.Add(resource);
        return resource;
    }

    public RabbitMqResource AddRabbitMQ(string name)
    {
        var resource = new RabbitMqResource(name) { ExistingConnectionString = options.ExistingRabbitMq };
        Brokers.Add(resource);
        return resource;
    }

    /// <summary>A project of this repository, by its path from the repository root.</summary>
    public ProjectResource AddProject(string name, string projectFile)
    {
        var resource = new ProjectResource(name, projectFile, Palette[Projects.Count % Palette.Length]);
        Projects.Add(resource);
        return resource;
    }

    /// <summary>A project added to the graph, to adjust it before <see cref="Build"/> (as benchmarks and tests do).</summary>
    public ProjectResource Project(string name) => Projects.Single(p => p.Name == name);

    internal void Register(DatabaseResource database) => databases.Add(database);

    public DistributedApplication Build() => new(this);
}
