using System.Threading.RateLimiting;
using Medborgare.Collection.Answering;
using Medborgare.Collection.Apis;
using Medborgare.Collection.Consumers;
using Medborgare.Collection.Infrastructure;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.Collection.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb, bus =>
        {
            bus.AddConsumer<SurveyPublishedConsumer>();
            bus.AddConsumer<InvitationsIssuedConsumer>();
            bus.AddConsumer<SurveyClosedConsumer>();
        });
        builder.Services.PostConfigure<OutboxOptions>(o => o.DeleteSent = true);

        builder.Services.AddOptions<CodeThrottleOptions>().BindConfiguration("CodeThrottle");
        builder.Services.AddSingleton<CodeGuessThrottle>();
        builder.Services.AddScoped<CodeLookup>();
        builder.Services.AddSingleton<QuestionnaireCache>();
        builder.Services.AddSingleton<SurveyHeaderCache>();
        builder.Services.AddScoped<SubmissionService>();
        builder.Services.AddOptions<ResponseReleaseOptions>().BindConfiguration("ResponseRelease");
        builder.Services.AddSingleton<ResponseRelease>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ResponseRelease>());

        var perMinute = builder.Configuration.GetValue("RateLimiting:PublicRequestsPerMinute", 600);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AnsweringApi.RateLimitPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(10, perMinute / 6), TokensPerPeriod = Math.Max(1, perMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0,
                }));
        });
        builder.Services.AddOpenApi();
    }
}
