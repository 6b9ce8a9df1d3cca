using MassTransit;
using MassTransit.Middleware;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medborgare.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Long enough to ride out a restart of PostgreSQL (or of a database it waits on) without quarantining a good message: about two
    /// and a half minutes in all. A message that still fails after that is quarantined. Messaging:RetryIntervals overrides it (tests).
    /// </summary>
    static readonly TimeSpan[] DefaultRetryIntervals =
    [
        TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
    ];

    /// <summary>
    /// The service's database (with outbox and inbox) and MassTransit over RabbitMQ: kebab-case queues
    /// prefixed with the service name, retries, the quarantine for messages that still fail, publisher confirms, and the outbox publisher.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabaseAndMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string databaseName,
        Action<IBusRegistrationConfigurator> addConsumers)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(databaseName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{databaseName} is not set. Start the app through the AppHost.");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        // Pooled: a request or a consumer gets a reset context instead of building one (less work per submission).
        builder.Services.AddDbContextPool<TDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(0))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(databaseName, tags: [Extensions.ReadyTag]);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        builder.Services.AddScoped(sp => new QuarantineDatabase(sp.GetRequiredService<TDbContext>()));

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxPublisher<TDbContext>>();

        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Messaging} is not set. Start the app through the AppHost."));

        var retryIntervals = builder.Configuration.GetSection("Messaging:RetryIntervals").Get<TimeSpan[]>() ?? DefaultRetryIntervals;
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers(bus);
            // Instead of the _error queue, where no operator sees it: the service's quarantine table (see QuarantineApi).
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.ConfigureError(error =>
            {
                error.UseFilter(new GenerateFaultFilter());
                error.UseFilter(new QuarantineFilter<TDbContext>(context.GetRequiredService<IServiceScopeFactory>(),
                    context.GetRequiredService<TimeProvider>(), context.GetRequiredService<ILoggerFactory>().CreateLogger("Medborgare.Messaging.Quarantine")));
            }));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.UserName);
                    h.Password(broker.Password);
                    h.PublisherConfirmation = true;
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.UseMessageRetry(r => r.Intervals(retryIntervals));
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Start without the broker: the outbox keeps messages until it is back, and /health says so.
            o.WaitUntilStarted = false;
        });
        return builder;
    }
}
