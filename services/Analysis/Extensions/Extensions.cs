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
                bus.AddConsumer<SurveyResponseSubmittedConsumer>();
            });
        builder.Services.AddOpenApi();
    }
}
