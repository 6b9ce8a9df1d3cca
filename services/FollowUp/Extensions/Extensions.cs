using Medborgare.FollowUp.Consumers;
using Medborgare.FollowUp.Evaluation;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.KeyFigures;
using Medborgare.FollowUp.Routing;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.FollowUp.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<FollowUpDbContext>(ResourceNames.FollowUp, ResourceNames.FollowUpDb, bus =>
        {
            bus.AddConsumer<SurveyPublishedConsumer>();
            bus.AddConsumer<SurveyResultsPublishedConsumer>();
            bus.AddConsumer<CitizenFeedbackReceivedConsumer>();
            bus.AddConsumer<CitizenFeedbackAnsweredConsumer>();
        });
        builder.Services.AddOptions<KoladaOptions>().BindConfiguration("Kolada");
        builder.Services.AddHttpClient<KoladaClient>(KoladaClient.HttpClientName);
        builder.Services.AddSingleton<KeyFigureImporter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KeyFigureImporter>());
        builder.Services.AddScoped<IndicatorEvaluator>();
        builder.Services.AddOptions<GoalAreaRoutingOptions>().BindConfiguration("GoalAreaRouting");
        builder.Services.AddSingleton<GoalAreaResponsibilitySweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GoalAreaResponsibilitySweep>());
        builder.Services.AddOpenApi();
    }
}
