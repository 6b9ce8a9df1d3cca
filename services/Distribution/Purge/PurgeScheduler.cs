namespace Medborgare.Distribution.Purge;

/// <summary>Runs the purge every hour; with several replicas, each purge is one transaction and idempotent.</summary>
public sealed class PurgeScheduler(IServiceScopeFactory scopes, ILogger<PurgeScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<PersonalDataPurge>().PurgeDueSurveysAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduled purge failed; it is retried in an hour");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
