using System.Net.Http.Headers;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Medborgare.Testing;

/// <summary>
/// One service, in process on a test server, wired to a real database of its own and a real RabbitMQ
/// virtual host. <typeparamref name="TEntryPoint"/> is any public type of the service's assembly.
/// </summary>
public class ServiceFactory<TEntryPoint>(string serviceName, string databaseName, string databaseConnectionString, string brokerConnectionString)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hmac-sha256";

    public string DatabaseConnectionString => databaseConnectionString;
    public string BrokerConnectionString => brokerConnectionString;
    /// <summary>Further configuration for the service, set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    /// <summary>How often the service has consumed each message, by MessageId: a positive signal that a redelivery was handled.</summary>
    public ConsumeCounter Consumed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As users run it: the app's default environment, not a test-only one.
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddConsumeObserver(_ => Consumed));
        builder.UseSetting($"ConnectionStrings:{databaseName}", databaseConnectionString);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", brokerConnectionString);
        builder.UseSetting(StaffAuthentication.SigningKeyConfig, SigningKey);
        builder.UseSetting("OTEL_SERVICE_NAME", serviceName);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts the service and waits until /health says its database and its bus are ready.</summary>
    public async Task StartHealthyAsync()
    {
        var client = CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{serviceName} to be healthy");
    }

    /// <summary>An HttpClient that calls as a staff member with the given roles.</summary>
    public HttpClient CreateStaffClient(params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            StaffAuthentication.CreateToken(SigningKey, "test-user", roles));
        return client;
    }
}
