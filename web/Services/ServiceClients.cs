using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services;

/// <summary>Named HttpClients for the services, addressed by service discovery (<c>http://distribution</c> …).</summary>
public static class ServiceClients
{
    public static string HealthClient(string service) => service + "-health";

    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddTransient<StaffTokenHandler>();
        foreach (var service in ResourceNames.Services)
        {
            services.AddHttpClient(service, c => c.BaseAddress = new Uri($"http://{service}")).AddHttpMessageHandler<StaffTokenHandler>();
#pragma warning disable EXTEXP0001 // evaluation API: a health probe reports what it sees and must not retry
            services.AddHttpClient(HealthClient(service), c =>
            {
                c.BaseAddress = new Uri($"http://{service}");
                c.Timeout = TimeSpan.FromSeconds(5);
            }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }
        services.AddScoped<ServiceHealth>();
        return services;
    }
}
