using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Distribution;

namespace Medborgare.Web.Services;

/// <summary>Named HttpClients for the services, addressed by service discovery (<c>http://distribution</c> …).</summary>
public static class ServiceClients
{
    public static string HealthClient(string service) => service + "-health";

    /// <summary>
    /// For work that takes long or must not run twice (a frame upload, drawing the sample, a file download): no retries,
    /// no 10-second attempt timeout, and a request body that is streamed once.
    /// </summary>
    public static string LongRunningClient(string service) => service + "-long";

    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddTransient<StaffTokenHandler>();
        foreach (var service in ResourceNames.Services)
        {
            services.AddHttpClient(service, c => c.BaseAddress = new Uri($"http://{service}")).AddHttpMessageHandler<StaffTokenHandler>();
#pragma warning disable EXTEXP0001 // evaluation API: a health probe reports what it sees, and long-running work must not be retried
            services.AddHttpClient(HealthClient(service), c =>
            {
                c.BaseAddress = new Uri($"http://{service}");
                c.Timeout = TimeSpan.FromSeconds(5);
            }).RemoveAllResilienceHandlers();
            services.AddHttpClient(LongRunningClient(service), c =>
            {
                c.BaseAddress = new Uri($"http://{service}");
                c.Timeout = TimeSpan.FromMinutes(10);
            }).AddHttpMessageHandler<StaffTokenHandler>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }
        services.AddScoped<ServiceHealth>();
        services.AddScoped<DistributionClient>();
        services.AddScoped<Analysis.AnalysisClient>();
        services.AddScoped<FollowUp.FollowUpClient>();
        services.AddScoped<Quarantine.QuarantineClient>();
        return services;
    }
}
