using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medborgare.AppHost;

public static class FirstAdministratorExtensions
{
    /// <summary>The marker the web app writes (without the password) when it has created the first administrator.</summary>
    public const string CreatedMarker = "MEDBORGARE_ADMIN_CREATED";
    public const string Email = "admin@medborgare.local";

    /// <summary>
    /// Hands the web app a one-time password for the first administrator (a secret parameter, new every run, kept nowhere), and when
    /// the web app says that it created the account with it (an empty database: the very first start), shows it once on the AppHost's
    /// console. It is in no log and no file: the dashboard shows the web app's environment only masked, behind its login token.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFirstAdministrator(this IResourceBuilder<ProjectResource> web, IResourceBuilder<ParameterResource> password)
    {
        web.ApplicationBuilder.Services.AddHostedService(sp => new Announcer(sp.GetRequiredService<ResourceLoggerService>(), web.Resource, password.Resource));
        return web.WithEnvironment("Bootstrap__AdminPassword", password);
    }

    sealed class Announcer(ResourceLoggerService logs, IResource web, ParameterResource password) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(web).WithCancellation(ct))
                {
                    if (!batch.Any(line => line.Content.Contains(CreatedMarker, StringComparison.Ordinal))) continue;
                    Console.WriteLine($"""

                          The first administrator was created. This password is shown once and stored nowhere else:
                            user: {Email}   password: {await password.GetValueAsync(ct)}

                        """);
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
        }
    }
}
