using Aspire.Hosting.ApplicationModel;
using Npgsql;

namespace Medborgare.AppHost;

/// <summary>PostgreSQL (with one database per part) and RabbitMQ, from wherever this run gets them.</summary>
public sealed class Servers
{
    public required IResourceBuilder<IResourceWithConnectionString> Messaging { get; init; }
    public required Func<string, IResourceBuilder<IResourceWithConnectionString>> Database { get; init; }
    /// <summary>The local servers, when this run starts them.</summary>
    public IResourceBuilder<LocalPostgresResource>? LocalPostgres { get; init; }
    public IResourceBuilder<LocalRabbitMQResource>? LocalRabbitMQ { get; init; }
}

public static class ServersExtensions
{
    /// <summary>
    /// In publish mode Aspire's standard PostgreSQL and RabbitMQ resources, for the deployment manifest. When running: the servers
    /// given with <c>--postgres</c> and <c>--rabbitmq</c> as connection-string resources, or else local servers from the machine's
    /// binaries with their data and passwords in the state folder.
    /// </summary>
    public static Servers AddServers(this IDistributedApplicationBuilder builder, MedborgareOptions options)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            var postgres = builder.AddPostgres(ResourceNames.Postgres, password: builder.AddParameter("postgres-password", secret: true));
            var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging, password: builder.AddParameter("rabbitmq-password", secret: true))
                .WithManagementPlugin();
            return new Servers { Messaging = Cast(rabbit), Database = name => Cast(postgres.AddDatabase(name)) };
        }

        IResourceBuilder<IResourceWithConnectionString> messaging;
        IResourceBuilder<LocalRabbitMQResource>? localRabbit = null;
        // The test command's servers are always local ones (--servers-only starts the servers that the tests then share).
        if (options.ExistingRabbitMq is { } amqp && !options.ServersOnly)
        {
            builder.Configuration[$"ConnectionStrings:{ResourceNames.Messaging}"] = amqp;
            messaging = builder.AddConnectionString(ResourceNames.Messaging);
        }
        else
        {
            messaging = Cast(localRabbit = builder.AddLocalRabbitMQ(ResourceNames.Messaging,
                builder.AddStateSecret("rabbitmq-password", options.StateDirectory), options.StateDirectory));
        }

        if (options.ExistingPostgres is { } existing && !options.ServersOnly)
        {
            builder.Configuration[$"ConnectionStrings:{ResourceNames.Postgres}"] = existing;
            var server = builder.AddConnectionString(ResourceNames.Postgres);
            return new Servers
            {
                Messaging = messaging, LocalRabbitMQ = localRabbit,
                Database = name =>
                {
                    builder.Eventing.Subscribe<BeforeStartEvent>((_, ct) => EnsureDatabaseAsync(existing, name, ct));
                    return builder.AddConnectionString(name, ReferenceExpression.Create($"{server.Resource};Database={name}"));
                },
            };
        }
        var local = builder.AddLocalPostgres(ResourceNames.Postgres, builder.AddStateSecret("postgres-password", options.StateDirectory), options.StateDirectory);
        return new Servers { Messaging = messaging, LocalRabbitMQ = localRabbit, LocalPostgres = local, Database = name => Cast(local.AddDatabase(name)) };
    }

    static IResourceBuilder<IResourceWithConnectionString> Cast<T>(IResourceBuilder<T> resource) where T : IResourceWithConnectionString =>
        (IResourceBuilder<IResourceWithConnectionString>)resource;

    /// <summary>On an existing server the AppHost creates each part's database too, before anything starts; the parts migrate their schema.</summary>
    static async Task EnsureDatabaseAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}
