using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medborgare.ServiceDefaults;

/// <summary>
/// Stops this process when the AppHost that started it is gone, so a killed AppHost leaves no orphans.
/// Only active when the AppHost sets MEDBORGARE_PARENT_PID.
/// </summary>
sealed class ParentProcessWatchdog(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatchdog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration["MEDBORGARE_PARENT_PID"], out var parentPid)) return;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (IsAlive(parentPid)) continue;
            logger.LogWarning("The AppHost (pid {ParentPid}) is gone; stopping", parentPid);
            lifetime.StopApplication();
            return;
        }
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
