using Medborgare.FollowUp.Consumers;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.FollowUp.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<FollowUpDbContext>(ResourceNames.FollowUp, ResourceNames.FollowUpDb,
            bus => bus.AddConsumer<SurveyPublishedConsumer>());
        builder.Services.AddOpenApi();
    }
}
