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
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb,
            bus => bus.AddConsumer<InvitationAnsweredConsumer>());
        builder.Services.AddDataProtection().SetApplicationName("Medborgare.Distribution").PersistKeysToDbContext<DistributionDbContext>();
        builder.Services.AddScoped<PersonalDataPurge>();
        builder.Services.AddHostedService<PurgeScheduler>();
        builder.Services.AddOpenApi();
    }
}
