using Medborgare.Distribution.Consumers;
using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Purge;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection;

namespace Medborgare.Distribution.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The database (and its migrator, a hosted service) first: authentication registers data protection, whose hosted
        // service reads the key table at start, and hosted services start in the order they were first registered.
        builder.AddServiceDatabaseAndMessaging<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb,
            bus =>
            {
                bus.AddConsumer<InvitationsAnsweredConsumer>();
                bus.AddConsumer<InvitationAnsweredConsumer>();
            });
        builder.AddStaffAuthentication();
        builder.Services.AddDataProtection().SetApplicationName("Medborgare.Distribution").PersistKeysToDbContext<DistributionDbContext>();
        builder.Services.AddScoped<PersonalDataPurge>();
        builder.Services.AddHostedService<PurgeScheduler>();
        builder.Services.AddOpenApi();
    }
}
