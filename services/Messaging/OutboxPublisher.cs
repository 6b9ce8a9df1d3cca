using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Medborgare.Messaging;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 200;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Delete rows once the broker has confirmed them, instead of keeping them marked as sent. Collection
    /// does so, so its database keeps no history of message order that could pair an answered code with a response.</summary>
    public bool DeleteSent { get; set; }
}

/// <summary>
/// Sends committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
/// replicas can run; a row is marked sent only after the broker has confirmed it (publisher confirms),
/// so a crash between confirm and commit re-sends a message, and the consumers' inbox absorbs that.
/// </summary>
public sealed class OutboxPublisher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxPublisher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    readonly OutboxOptions options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await PublishBatchAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                logger.LogWarning(ex, "Outbox publishing failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                continue;
            }
            if (sent < options.BatchSize)
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(options.MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));

    /// <summary>Publishes one batch and returns how many rows were sent.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY sequence
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct).ConfigureAwait(false);
        if (batch.Count == 0) return 0;

        var publishes = new List<Task>(batch.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        foreach (var row in batch)
        {
            publishes.Add(PublishAsync(row, timeout.Token));
        }

        try
        {
            await Task.WhenAll(publishes).ConfigureAwait(false);
        }
        catch when (!ct.IsCancellationRequested)
        {
            // Confirmed rows are marked sent; the others wait for a later attempt.
        }

        // The confirmed rows with one statement; the others (rare) each get their attempt and error recorded.
        var confirmed = batch.Where((_, i) => publishes[i].IsCompletedSuccessfully).Select(r => r.Id).ToList();
        var sent = confirmed.Count;
        if (options.DeleteSent)
        {
            await db.OutboxMessages.Where(m => confirmed.Contains(m.Id)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }
        else
        {
            var sentAt = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => confirmed.Contains(m.Id))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, sentAt).SetProperty(x => x.LastError, (string?)null), ct).ConfigureAwait(false);
        }
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            if (!publishes[i].IsCompletedSuccessfully)
            {
                row.Attempts++;
                row.NextAttemptAt = clock.GetUtcNow() + Backoff(row.Attempts);
                row.LastError = publishes[i].Exception?.GetBaseException().Message ?? "cancelled";
            }
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);

        if (sent < batch.Count)
        {
            throw new InvalidOperationException($"{batch.Count - sent} of {batch.Count} outbox messages were not confirmed by the broker");
        }
        return sent;
    }

    async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = Outbox.ResolveType(row.MessageType)
            ?? throw new InvalidOperationException($"Unknown message type '{row.MessageType}' in the outbox");
        var message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json)!;

        // Continue the trace of the request that wrote the row, so one trace spans the broker hop.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Telemetry.ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);

        await bus.Publish(message, type, ctx => ctx.MessageId = row.Id, ct).ConfigureAwait(false);
    }
}
