using MassTransit;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Collection.Consumers;

/// <summary>
/// Keeps the goal chain's committee per goal area, which new synpunkter are routed to. Messages can come out of order: an
/// older change never overwrites a newer one. Cases already routed keep their committee.
/// </summary>
public sealed class GoalAreaResponsibilityChangedConsumer(CollectionDbContext db, TimeProvider clock)
    : IdempotentConsumer<GoalAreaResponsibilityChanged, CollectionDbContext>(db, clock)
{
    protected override async Task HandleAsync(GoalAreaResponsibilityChanged message, ConsumeContext<GoalAreaResponsibilityChanged> context)
    {
        if (string.IsNullOrWhiteSpace(message.Committee) || message.GoalAreaCode.Length > 50 || message.MunicipalityCode.Length != 4) return;
        var route = await Db.CommitteeRoutes.FindAsync([message.MunicipalityCode, message.GoalAreaCode], context.CancellationToken);
        if (route is null)
        {
            Db.CommitteeRoutes.Add(route = new CommitteeRoute
            {
                MunicipalityCode = message.MunicipalityCode, GoalArea = message.GoalAreaCode, GoalAreaTitle = "", Committee = "",
            });
        }
        else if (route.ChangedAt > message.ChangedAt) return;
        route.GoalAreaTitle = Truncate(message.GoalAreaTitle, 200);
        route.Committee = Truncate(message.Committee.Trim(), 200);
        route.ChangedAt = message.ChangedAt;
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
