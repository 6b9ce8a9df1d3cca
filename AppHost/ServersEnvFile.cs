using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Medborgare.AppHost;

public static class ServersEnvFileExtensions
{
    /// <summary>
    /// For the test command (<c>--servers-only</c>): once PostgreSQL and RabbitMQ are healthy, writes their addresses as shell exports
    /// (MEDBORGARE_POSTGRES, MEDBORGARE_RABBITMQ, MEDBORGARE_RABBITMQ_MANAGEMENT) to a file of mode 0600, since it holds passwords.
    /// </summary>
    public static void WriteServersEnvFileWhenHealthy(this IDistributedApplicationBuilder builder, LocalPostgresResource postgres,
        LocalRabbitMQResource messaging, string path) =>
        builder.Services.AddHostedService(sp => new Writer(sp.GetRequiredService<ResourceNotificationService>(), postgres, messaging, path));

    sealed class Writer(ResourceNotificationService notifications, LocalPostgresResource postgres, LocalRabbitMQResource messaging, string path)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken ct)
        {
            await notifications.WaitForResourceHealthyAsync(postgres.Name, ct);
            await notifications.WaitForResourceHealthyAsync(messaging.Name, ct);
            var lines = new[]
            {
                $"export MEDBORGARE_POSTGRES='{await postgres.ConnectionStringExpression.GetValueAsync(ct)}'",
                $"export MEDBORGARE_RABBITMQ='{await messaging.ConnectionStringExpression.GetValueAsync(ct)}'",
                $"export MEDBORGARE_RABBITMQ_MANAGEMENT='http://127.0.0.1:{messaging.Management.Port}'",
            };
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, "", ct);
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllLinesAsync(temp, lines, ct);
            File.Move(temp, path, overwrite: true);
            Console.WriteLine($"PostgreSQL and RabbitMQ are running; their addresses are in {path}.");
        }
    }
}
