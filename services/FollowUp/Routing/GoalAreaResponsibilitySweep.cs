using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.FollowUp.Routing;

public sealed class GoalAreaRoutingOptions
{
    /// <summary>How often goal areas whose responsibility was not sent yet are looked for, after the sweep at start-up.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Announces goal areas whose current responsibility was never sent: areas from before the message existed, and any
/// change that reached the table some other way. Runs at start-up (after the migrations) and then now and then. Two
/// replicas sweeping at once may both announce an area; Collection takes the same message twice without harm.
/// </summary>
public sealed class GoalAreaResponsibilitySweep(IServiceScopeFactory scopes, TimeProvider clock, IOptions<GoalAreaRoutingOptions> options,
    ILogger<GoalAreaResponsibilitySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await SweepAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Announced the responsibility of {Count} goal areas", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Announcing goal areas' responsibility failed; trying again later");
            }
            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
        }
    }

    /// <summary>One sweep; returns how many areas were announced.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var areas = await db.Goals.Where(g => g.Level == GoalLevel.GoalArea && g.Code != null).ToListAsync(ct);
        var sent = areas.Count(area => GoalAreaResponsibility.AnnounceIfChanged(db, area, clock));
        if (sent > 0) await db.SaveChangesAsync(ct);
        return sent;
    }
}
