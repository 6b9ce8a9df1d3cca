using Medborgare.ServiceDefaults;
using Medborgare.Web.Services;
using Medborgare.Web.Services.Resident;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Medborgare.Web.Extensions;

/// <summary>The residents' pages (answering with a code, open feedback): their client for Collection and the code cookie.</summary>
public static class ResidentServices
{
    public static IServiceCollection AddResidentServices(this IServiceCollection services)
    {
#pragma warning disable EXTEXP0001 // evaluation API: the standard handler would retry a throttled code for as long as its Retry-After
        services.AddTransient<ResidentAddressHandler>();
        services.AddHttpClient<ResidentCollectionClient>(ResidentCollectionClient.HttpClientName, c => c.BaseAddress = ServiceClients.Address(ResourceNames.Collection))
            .AddHttpMessageHandler<ResidentAddressHandler>()
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("resident", pipeline =>
            {
                pipeline.AddTimeout(TimeSpan.FromSeconds(20));
                // Only failures to answer are retried; a refusal (4xx) is the answer. A start or a draft is idempotent and a
                // submission carries its key; a feedback that reached Collection before a failure may be stored twice, rather than lost.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(300),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
                        { Result: { } response } => (int)response.StatusCode >= 500,
                        _ => false,
                    }),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(8));
            });
#pragma warning restore EXTEXP0001
        services.AddSingleton<ResidentCodeCookie>();
        services.AddScoped<AnsweringSessionLoader>();
        return services;
    }
}
