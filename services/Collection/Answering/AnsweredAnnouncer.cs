using System.Security.Cryptography;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.Collection.Answering;

public sealed class AnsweredAnnouncerOptions
{
    /// <summary>How often the "answered" flags go to Distribution. Reminders need the day, not the minute.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Sends InvitationAnswered for new submissions in batches, in random order, apart from the responses, so
/// that the order and time of messages cannot pair a code with a response.
/// </summary>
public sealed class AnsweredAnnouncer(IServiceScopeFactory scopes, IOptions<AnsweredAnnouncerOptions> options, TimeProvider clock,
    ILogger<AnsweredAnnouncer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await AnnounceBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Announcing answered invitations failed; retrying at the next interval");
            }
        }
    }

    public async Task<int> AnnounceBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.Submissions
            .FromSql($"SELECT * FROM submissions WHERE answered_announced = false LIMIT 500 FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (batch.Count == 0) return 0;
        var ids = batch.Select(s => s.InvitationId).ToList();
        var invitations = await db.Invitations.Where(i => ids.Contains(i.Id)).Select(i => new { i.SurveyId, i.CodeHash }).ToListAsync(ct);
        var shuffled = invitations.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        foreach (var invitation in shuffled)
        {
            db.AddToOutbox(new InvitationAnswered { SurveyId = invitation.SurveyId, CodeHash = invitation.CodeHash }, clock);
        }
        foreach (var submission in batch) submission.AnsweredAnnounced = true;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }
}
