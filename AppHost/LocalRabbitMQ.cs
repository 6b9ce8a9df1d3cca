using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Medborgare.AppHost;

/// <summary>A RabbitMQ node run from the machine's own package (Debian's rabbitmq-server), on loopback only.</summary>
public sealed class LocalRabbitMQResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "medborgare";
    public ParameterResource Password => password;
    public EndpointReference Amqp => field ??= new(this, "amqp");
    public EndpointReference Management => field ??= new(this, "management");

    // The generated password has letters and digits only, so it needs no escaping in the URI.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@127.0.0.1:{Amqp.Property(EndpointProperty.Port)}");
}

public static class LocalRabbitMQExtensions
{
    /// <summary>
    /// The node with its data under <paramref name="stateDirectory"/>/rabbitmq, its AMQP, management and Erlang distribution ports
    /// chosen by DCP (kept across restarts), and its own epmd (otherwise Erlang starts one that outlives the AppHost). The config file
    /// is written before every start, with the ports and the password, mode 0600.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource> password, string stateDirectory)
    {
        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
            throw new InvalidOperationException("RabbitMQ was not found. Install it with: apt-get install -y rabbitmq-server");
        var home = Path.Combine(stateDirectory, "rabbitmq");
        Directory.CreateDirectory(home);
        var config = Path.Combine(home, "rabbitmq.conf");
        var plugins = Path.Combine(home, "enabled_plugins");

        var epmd = builder.AddExecutable($"{name}-epmd", "/usr/bin/epmd", home, "-address", "127.0.0.1")
            .WithEndpoint(name: "tcp", isProxied: false)
            .RestartOnCrash()
            .ExcludeFromManifest();
        var epmdPort = epmd.GetEndpoint("tcp").Property(EndpointProperty.Port);
        epmd.WithArgs(context => { context.Args.Add("-port"); context.Args.Add(epmdPort); });

        var node = new LocalRabbitMQResource(name, home, password.Resource);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(node, async (_, ct) =>
        {
            File.WriteAllText(config, "");
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllTextAsync(config, $"""
                listeners.tcp.default = 127.0.0.1:{node.Amqp.Port}
                management.tcp.ip = 127.0.0.1
                management.tcp.port = {node.Management.Port}
                default_user = {LocalRabbitMQResource.UserName}
                default_pass = {await node.Password.GetValueAsync(ct)}
                loopback_users = none
                log.console = true
                log.console.level = warning
                log.file = false

                """, ct);
            await File.WriteAllTextAsync(plugins, "[rabbitmq_management].\n", ct);
        });
        var check = $"{name}-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => AmqpHandshakeAsync(node.Amqp.Port, ct));

        // Stable per data folder, so that the node finds its own data again after a restart.
        var nodeName = "medborgare-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(home)))[..10] + "@localhost";
        return builder.AddResource(node)
            .WithEndpoint(name: "amqp", isProxied: false)
            .WithEndpoint(name: "management", scheme: "http", isProxied: false)
            // A port of its own for Erlang's distribution: one derived from the AMQP port made the node fail at boot (and exit 0).
            .WithEndpoint(name: "dist", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment("HOME", home) // the Erlang cookie stays private to this node
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort)
            .WithEnvironment("RABBITMQ_CONFIG_FILE", config)
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", plugins)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(home, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(home, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(home, "rabbitmq.pid"))
            // Erlang's schedulers spin while idle by default, taking CPU the services need on a small machine (RabbitMQ's runtime
            // guide recommends this for shared hosts); the distribution port binds to loopback only.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {127,0,0,1}")
            .WithHealthCheck(check)
            .WithHttpHealthCheck("/", endpointName: "management")
            .WaitFor(epmd)
            .RestartOnCrash()
            .ExcludeFromManifest();
    }

    /// <summary>A real AMQP 0-9-1 handshake: the protocol header out, a method frame (Connection.Start) back.</summary>
    static async Task<HealthCheckResult> AmqpHandshakeAsync(int port, CancellationToken ct)
    {
        try
        {
            using var tcp = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = tcp.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frame = new byte[1];
            return await stream.ReadAsync(frame, timeout.Token) == 1 && frame[0] == 1
                ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no Connection.Start from the broker");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
