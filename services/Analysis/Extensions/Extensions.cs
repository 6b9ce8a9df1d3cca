using MassTransit;
using Medborgare.Analysis.Consumers;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.Analysis.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<AnalysisDbContext>(ResourceNames.Analysis, ResourceNames.AnalysisDb,
            bus =>
            {
                bus.AddConsumer<SurveyPublishedConsumer>();
                bus.AddConsumer<SurveyResponseBatchConsumer>(c => c.Options<BatchOptions>(o =>
                {
                    o.MessageLimit = 200;
                    o.TimeLimit = TimeSpan.FromMilliseconds(20);
                    o.ConcurrencyLimit = 2;
                }));
            });
        builder.Services.AddOpenApi();
    }
}
