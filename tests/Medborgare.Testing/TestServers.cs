using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Medborgare.AppHost.Hosting;
using Npgsql;

namespace Medborgare.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ servers for one test run, started once per test process with the AppHost's
/// own server code. When the test command already started them (MEDBORGARE_POSTGRES and
/// MEDBORGARE_RABBITMQ), those are used instead. Every test gets its own database and virtual host.
/// </summary>
public sealed class TestServers
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static TestServers? instance;

    PostgresServer? postgres;
    RabbitMqServer? rabbit;

    public string PostgresConnectionString { get; private set; } = "";
    public string BrokerConnectionString { get; private set; } = "";
    public string BrokerManagementUrl { get; private set; } = "";
    string brokerUser = "", brokerPassword = "";

    public RabbitMqServer? OwnBroker => rabbit;

    public static async Task<TestServers> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (instance is not null) return instance;
            var servers = new TestServers();
            await servers.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.StopAsync().GetAwaiter().GetResult();
            return instance = servers;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts a broker of the test's own, for tests that stop or kill it.</summary>
    public static async Task<RabbitMqServer> StartPrivateBrokerAsync()
    {
        var broker = new RabbitMqServer(NewStateDirectory("rabbitmq"));
        await broker.StartAsync(CancellationToken.None);
        return broker;
    }

    async Task StartAsync()
    {
        var existingPg = Environment.GetEnvironmentVariable("MEDBORGARE_POSTGRES");
        var existingMq = Environment.GetEnvironmentVariable("MEDBORGARE_RABBITMQ");
        var existingMqManagement = Environment.GetEnvironmentVariable("MEDBORGARE_RABBITMQ_MANAGEMENT");

        var tasks = new List<Task>();
        if (existingPg is null)
        {
            postgres = new PostgresServer(NewStateDirectory("postgres"));
            tasks.Add(postgres.StartAsync(CancellationToken.None));
        }
        if (existingMq is null || existingMqManagement is null)
        {
            rabbit = new RabbitMqServer(NewStateDirectory("rabbitmq"));
            tasks.Add(rabbit.StartAsync(CancellationToken.None));
        }
        await Task.WhenAll(tasks);

        PostgresConnectionString = existingPg ?? postgres!.ConnectionString();
        BrokerConnectionString = rabbit?.ConnectionString ?? existingMq!;
        BrokerManagementUrl = rabbit?.ManagementUrl ?? existingMqManagement!;
        var userInfo = new Uri(BrokerConnectionString).UserInfo.Split(':', 2);
        brokerUser = Uri.UnescapeDataString(userInfo[0]);
        brokerPassword = Uri.UnescapeDataString(userInfo[1]);
    }

    internal static string NewStateDirectory(string what)
    {
        var root = Path.Combine(AppHostOptions.FindRepositoryRoot(), ".medborgare", "test", $"{what}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        return root;
    }

    async Task StopAsync()
    {
        if (rabbit is not null) await rabbit.StopAsync();
        if (postgres is not null) await postgres.StopAsync();
    }

    /// <summary>A connection string to a new, empty database (created by the service's own migrations).</summary>
    public string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = $"{prefix}_{Guid.NewGuid():N}", MaxPoolSize = 20 }.ConnectionString;

    /// <summary>A new, empty RabbitMQ virtual host, so tests never see each other's queues.</summary>
    public async Task<string> NewVirtualHostAsync() => await NewVirtualHostAsync(BrokerManagementUrl, BrokerConnectionString, brokerUser, brokerPassword);

    public static async Task<string> NewVirtualHostAsync(string managementUrl, string connectionString, string user, string password)
    {
        var vhost = $"test-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = new Uri(managementUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        (await http.PutAsJsonAsync($"/api/vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        var builder = new UriBuilder(connectionString) { Path = "/" + vhost };
        return builder.Uri.ToString().TrimEnd('/');
    }
}
