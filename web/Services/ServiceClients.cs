using Medborgare.ServiceDefaults;
using Medborgare.Web.Services.Analysis;
using Medborgare.Web.Services.Distribution;
using Medborgare.Web.Services.FollowUp;

namespace Medborgare.Web.Services;

/// <summary>
/// The typed clients for the services, addressed by service discovery (<c>http://distribution</c> …), and the named clients
/// beside them: the health probe's, and the long-running one for work that must not be retried.
/// </summary>
public static class ServiceClients
{
    public static string HealthClient(string service) => service + "-health";

    /// <summary>
    /// For work that takes long or must not run twice (a frame upload, drawing the sample, a file download): no retries,
    /// no 10-second attempt timeout, and a request body that is streamed once.
    /// </summary>
    public static string LongRunningClient(string service) => service + "-long";

    public static Uri Address(string service) => new($"http://{service}");

    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddTransient<StaffTokenHandler>();
        foreach (var service in ResourceNames.Services)
        {
#pragma warning disable EXTEXP0001 // evaluation API: a health probe reports what it sees, and long-running work must not be retried
            services.AddHttpClient(HealthClient(service), c =>
            {
                c.BaseAddress = Address(service);
                c.Timeout = TimeSpan.FromSeconds(5);
            }).RemoveAllResilienceHandlers();
            services.AddHttpClient(LongRunningClient(service), c =>
            {
                c.BaseAddress = Address(service);
                c.Timeout = TimeSpan.FromMinutes(10);
            }).AddHttpMessageHandler<StaffTokenHandler>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }
        services.AddHttpClient<DistributionClient>(ResourceNames.Distribution, c => c.BaseAddress = Address(ResourceNames.Distribution))
            .AddHttpMessageHandler<StaffTokenHandler>();
        services.AddHttpClient<AnalysisClient>(ResourceNames.Analysis, c => c.BaseAddress = Address(ResourceNames.Analysis))
            .AddHttpMessageHandler<StaffTokenHandler>();
        services.AddHttpClient<FollowUpClient>(ResourceNames.FollowUp, c => c.BaseAddress = Address(ResourceNames.FollowUp))
            .AddHttpMessageHandler<StaffTokenHandler>();
        services.AddScoped<ServiceHealth>();
        // Collection's staff endpoints (the quarantine); residents' calls go through ResidentCollectionClient's own pipeline.
        services.AddHttpClient(ResourceNames.Collection, c => c.BaseAddress = Address(ResourceNames.Collection))
            .AddHttpMessageHandler<StaffTokenHandler>();
        services.AddScoped<Quarantine.QuarantineClient>();
        // Synpunkter as cases: the caseworkers' calls, on the same signed Collection clients.
        services.AddScoped<Cases.CasesClient>();
        return services;
    }
}
