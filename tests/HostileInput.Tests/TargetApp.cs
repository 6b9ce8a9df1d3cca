using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.HostileInput.Tests;

public sealed record ThingRequest(string? Name, int? Count);

/// <summary>
/// A tiny app on Kestrel at 127.0.0.1:0, set up like the services (ProblemDetails for every error, the real OpenAPI
/// generator): CreateThing has a bug (a name over 1,000 characters throws, so a 500); GetThing behaves.
/// </summary>
public sealed class TargetApp : IAsyncLifetime
{
    WebApplication app = null!;

    public Uri BaseUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapPost("/api/things", (ThingRequest request) => request.Name is { Length: > 1000 }
                ? throw new InvalidOperationException("A name this long was never expected.")
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["invalid"] }))
            .WithName("CreateThing");
        app.MapGet("/api/things/{id:guid}", (Guid id) => TypedResults.NotFound()).WithName("GetThing");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUri = new Uri(address);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
