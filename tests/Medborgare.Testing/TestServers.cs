using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Medborgare.Testing;

/// <summary>
/// Real PostgreSQL and RabbitMQ servers for one test run. When the test command already started them (MEDBORGARE_POSTGRES,
/// MEDBORGARE_RABBITMQ and MEDBORGARE_RABBITMQ_MANAGEMENT), those are used; otherwise the AppHost's own server resources are
/// started once per test process, and stopped when it ends. Every test gets its own database and virtual host.
/// </summary>
public sealed class TestServers
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static TestServers? instance;

    public string PostgresConnectionString { get; private init; } = "";
    public string BrokerConnectionString { get; private init; } = "";
    public string BrokerManagementUrl { get; private init; } = "";

    public static async Task<TestServers> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (instance is not null) return instance;
            var pg = Environment.GetEnvironmentVariable("MEDBORGARE_POSTGRES");
            var mq = Environment.GetEnvironmentVariable("MEDBORGARE_RABBITMQ");
            var management = Environment.GetEnvironmentVariable("MEDBORGARE_RABBITMQ_MANAGEMENT");
            if (pg is not null && mq is not null && management is not null)
            {
                return instance = new TestServers { PostgresConnectionString = pg, BrokerConnectionString = mq, BrokerManagementUrl = management };
            }
            var servers = await LocalServers.StartAsync(NewStateDirectory("servers"));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return instance = new TestServers
            {
                PostgresConnectionString = servers.PostgresConnectionString, BrokerConnectionString = servers.BrokerConnectionString,
                BrokerManagementUrl = servers.BrokerManagementUrl,
            };
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Servers of the test's own, for tests that stop the broker (dispose them when done).</summary>
    public static Task<LocalServers> StartPrivateAsync() => LocalServers.StartAsync(NewStateDirectory("private"));

    /// <summary>A fresh folder for servers' data under the repository's git-ignored .medborgare/test.</summary>
    public static string NewStateDirectory(string what)
    {
        var root = Path.Combine(RepositoryRoot(), ".medborgare", "test", $"{what}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        return root;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medborgare.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Medborgare.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A connection string to a new, empty database (created by the service's own migrations).</summary>
    public string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = $"{prefix}_{Guid.NewGuid():N}", MaxPoolSize = 20 }.ConnectionString;

    /// <summary>A new, empty RabbitMQ virtual host, so tests never see each other's queues.</summary>
    public async Task<string> NewVirtualHostAsync() => await NewVirtualHostAsync(BrokerManagementUrl, BrokerConnectionString);

    public static async Task<string> NewVirtualHostAsync(string managementUrl, string connectionString)
    {
        var userInfo = new Uri(connectionString).UserInfo.Split(':', 2);
        var (user, password) = (Uri.UnescapeDataString(userInfo[0]), Uri.UnescapeDataString(userInfo[1]));
        var vhost = $"test-{Guid.NewGuid():N}";
        using var http = new HttpClient { BaseAddress = new Uri(managementUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        (await http.PutAsJsonAsync($"/api/vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/permissions/{vhost}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();
        var builder = new UriBuilder(connectionString) { Path = "/" + vhost };
        return builder.Uri.ToString().TrimEnd('/');
    }
}
