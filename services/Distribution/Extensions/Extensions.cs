using Medborgare.Distribution.Infrastructure;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.Distribution.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<DistributionDbContext>(ResourceNames.Distribution, ResourceNames.DistributionDb,
            _ => { });
        builder.Services.AddOpenApi();
    }
}
