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
        builder.AddServiceDatabaseAndMessaging<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb,
            bus => bus.AddConsumer<SurveyPublishedConsumer>());
        builder.Services.AddOpenApi();
    }
}
