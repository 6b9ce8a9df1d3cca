using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Feedback;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Gallring of synpunkter: once a case has been closed for <see cref="CaseOptions.ContactRetentionDays"/>, its contact details and
/// the addresses of its e-mails are deleted, and the answer is masked like the text. The masked text, the answer and the dates
/// stay, for the follow-up. Runs every <see cref="CaseOptions.PurgeInterval"/>.
/// </summary>
public sealed class CaseContactPurge(IServiceScopeFactory scopes, IOptions<CaseOptions> options, TimeProvider clock, ILogger<CaseContactPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging the contact details of closed cases failed; trying again at the next interval");
            }
            await Task.Delay(options.Value.PurgeInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Purges every case that is due; returns how many.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
        var now = clock.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.ContactRetentionDays);
        var due = await db.Feedback.Where(f => f.ClosedAt != null && f.ClosedAt <= cutoff && f.ContactPurgedAt == null).Take(500).ToListAsync(ct);
        foreach (var feedback in due)
        {
            var hadContact = feedback.HasContact;
            feedback.ContactName = feedback.ContactEmail = feedback.ContactPhone = null;
            if (feedback.Answer is not null) feedback.Answer = PersonalDataMasker.Mask(feedback.Answer);
            feedback.ContactPurgedAt = now;
            db.CaseEvents.Add(new CaseEventEntry
            {
                FeedbackId = feedback.Id, At = now, Actor = "system", Kind = CaseEventKind.ContactPurged,
                Detail = hadContact ? "kontaktuppgifter raderade" : "inga kontaktuppgifter",
            });
        }
        var ids = due.Select(f => f.Id).ToArray();
        await db.OutgoingEmails.Where(e => ids.Contains(e.FeedbackId) && e.ToAddress != null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ToAddress, (string?)null), ct);
        await db.SaveChangesAsync(ct);
        if (due.Count > 0) logger.LogInformation("Purged the contact details of {Count} closed cases", due.Count);
        return due.Count;
    }
}
