using System.Diagnostics;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services;

public sealed record ServiceHealthReport(string Service, bool Healthy, string Status, TimeSpan Elapsed);

/// <summary>Asks each service's /health through service discovery.</summary>
public sealed class ServiceHealth(IHttpClientFactory clients)
{
    public async Task<IReadOnlyList<ServiceHealthReport>> CheckAllAsync(CancellationToken ct) =>
        await Task.WhenAll(ResourceNames.Services.Select(s => CheckAsync(s, ct)));

    async Task<ServiceHealthReport> CheckAsync(string service, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ServiceClients.HealthClient(service)).GetAsync("/health", ct);
            var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
            return new ServiceHealthReport(service, response.IsSuccessStatusCode, body.Length > 0 ? body : ((int)response.StatusCode).ToString(), clock.Elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new ServiceHealthReport(service, false, "Unreachable", clock.Elapsed);
        }
    }
}
