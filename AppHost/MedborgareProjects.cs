using Aspire.Hosting.ApplicationModel;

namespace Medborgare.AppHost;

public static class MedborgareProjectExtensions
{
    /// <summary>
    /// A part of Medborgare: an HTTP endpoint (the web app's on <paramref name="port"/>, the others' on any free port), ready when its
    /// <c>/health</c> says so, in the run's environment (Production unless asked otherwise), with the key that signs staff tokens and the
    /// municipality's name and code (every part takes them from here), and started again when it crashes. Its launch profile is not used: the AppHost says all of that here.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPart<TProject>(this IDistributedApplicationBuilder builder, string name,
        MedborgareOptions options, IResourceBuilder<ParameterResource> signingKey, int? port = null) where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(port: port, name: "http")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", options.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", options.Environment)
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithEnvironment("Municipality__Name", options.MunicipalityName)
            .WithEnvironment("Municipality__Code", options.MunicipalityCode)
            // A reference gives the part its connection string (ConnectionStrings__{name}) or a service's address (services__{name}__http__0),
            // not the host, port and password again.
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery)
            .RestartOnCrash();

    /// <summary>A reference (<c>ConnectionStrings__{name}</c>) that the part also waits for, and stops waiting for if it cannot start.</summary>
    public static IResourceBuilder<ProjectResource> WithDependency(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<IResourceWithConnectionString> dependency) =>
        project.WithReference(dependency).WaitFor(dependency, WaitBehavior.StopOnResourceUnavailable);

    /// <summary>Service discovery of another part (<c>services__{name}__http__0</c>), waiting until it is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithService(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> service) =>
        project.WithReference(service).WaitFor(service, WaitBehavior.StopOnResourceUnavailable);
}
