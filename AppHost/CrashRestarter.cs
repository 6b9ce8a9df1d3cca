using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Medborgare.AppHost;

/// <summary>Marks a resource that <see cref="CrashRestarter"/> starts again when it ends without being asked to.</summary>
public sealed class RestartOnCrashAnnotation : IResourceAnnotation;

public static class RestartOnCrashExtensions
{
    public static IResourceBuilder<T> RestartOnCrash<T>(this IResourceBuilder<T> resource) where T : IResource
    {
        if (!resource.ApplicationBuilder.Services.Any(s => s.ImplementationType == typeof(CrashRestarter)))
            resource.ApplicationBuilder.Services.AddHostedService<CrashRestarter>();
        return resource.WithAnnotation(new RestartOnCrashAnnotation());
    }
}

/// <summary>
/// Aspire does not restart a process that dies. This watches every instance (replicas too) of a resource marked
/// <see cref="RestartOnCrashAnnotation"/>, and when one goes from Running to an end state that nobody asked for (a requested
/// stop passes through Stopping), it runs the resource's own "start" command, as the dashboard's button would, after 1, 3, 5 …
/// up to 30 seconds. One that keeps failing before it was ever healthy again (a broken install, a port taken) stops the AppHost
/// with exit code 1 after five tries: the dashboard would otherwise show its dependents waiting for ever.
/// </summary>
sealed class CrashRestarter(ResourceNotificationService notifications, ResourceCommandService commands, IHostApplicationLifetime lifetime,
    ILogger<CrashRestarter> logger) : IHostedLifecycleService
{
    const int MaxAttemptsWithoutHealth = 5;
    readonly CancellationTokenSource stopping = new();
    readonly ConcurrentDictionary<string, string?> lastState = new();
    readonly ConcurrentDictionary<string, int> attempts = new();
    Task? watching;

    // Aspire's orchestrator returns from StartAsync only once every resource has started (waits included): watching must begin
    // before that, or a crash during start-up would go unseen.
    public Task StartingAsync(CancellationToken ct)
    {
        watching = Task.Run(() => WatchAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => stopping.CancelAsync();
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public async Task StoppedAsync(CancellationToken ct)
    {
        if (watching is not null) await watching.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var e in notifications.WatchAsync(ct))
            {
                if (!e.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>()) continue;
                var state = e.Snapshot.State?.Text;
                if (e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy) attempts.TryRemove(e.ResourceId, out _);
                var previous = lastState.GetValueOrDefault(e.ResourceId);
                lastState[e.ResourceId] = state;
                var crashed = previous == KnownResourceStates.Running
                    && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart);
                if (!crashed || lifetime.ApplicationStopping.IsCancellationRequested) continue;

                var attempt = attempts.AddOrUpdate(e.ResourceId, 1, (_, n) => n + 1);
                if (attempt > MaxAttemptsWithoutHealth)
                {
                    logger.LogCritical("{Resource} ended {Attempts} times without becoming healthy; stopping the app", e.ResourceId, attempt - 1);
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                    continue;
                }
                _ = StartAgainAsync(e.ResourceId, e.Snapshot.ExitCode, attempt, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    async Task StartAgainAsync(string resourceId, int? exitCode, int attempt, CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2 - 1)), ct);
            logger.LogWarning("{Resource} ended (exit code {ExitCode}); starting it again", resourceId, exitCode);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, ct);
            if (!result.Success) logger.LogError("{Resource} could not be started again: {Message}", resourceId, result.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
