using MailKit.Net.Smtp;
using MailKit.Security;
using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Medborgare.Collection.Cases;

/// <summary>
/// Sends the answers waiting in <c>outgoing_emails</c> through the configured SMTP server (MailKit). A failed attempt is tried again
/// later, with a growing pause, until <see cref="SmtpOptions.MaxAttempts"/>; then the e-mail is marked failed in the case, where
/// the caseworker sees it. Rows are claimed with SKIP LOCKED, so replicas never send one e-mail twice at once.
/// </summary>
public sealed class CaseEmailSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, IOptions<CaseOptions> cases, TimeProvider clock,
    ILogger<CaseEmailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(smtp.Value.Host))
        {
            logger.LogWarning("No SMTP server is configured (Smtp:Host): answers by e-mail wait in their cases until one is.");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending answers by e-mail failed; trying again shortly");
            }
            await Task.Delay(smtp.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends up to 20 due e-mails; returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
        var now = clock.GetUtcNow();
        // Claimed for five minutes: another replica skips them, and a crash mid-send leaves them to be tried again then.
        var lease = now + TimeSpan.FromMinutes(5);
        var due = await db.OutgoingEmails.FromSql($"""
            UPDATE outgoing_emails SET next_attempt_at = {lease}
            WHERE id IN (SELECT id FROM outgoing_emails WHERE status = 'Pending' AND next_attempt_at <= {now}
                         ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).ToListAsync(ct);
        if (due.Count == 0) return 0;

        using var client = new SmtpClient();
        Exception? connectFailure = null;
        try
        {
            await client.ConnectAsync(smtp.Value.Host!, smtp.Value.Port, Security(smtp.Value.Security), ct);
            if (!string.IsNullOrEmpty(smtp.Value.UserName)) await client.AuthenticateAsync(smtp.Value.UserName, smtp.Value.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            connectFailure = e;
        }
        foreach (var email in due)
        {
            email.Attempts++;
            try
            {
                if (connectFailure is not null) throw connectFailure;
                if (email.ToAddress is null) throw new InvalidOperationException("The address was purged with the case's contact details.");
                await client.SendAsync(Message(email), ct);
                email.Status = EmailStatus.Sent;
                email.SentAt = clock.GetUtcNow();
                email.LastError = null;
                db.CaseEvents.Add(new CaseEventEntry { FeedbackId = email.FeedbackId, At = email.SentAt.Value, Actor = "system", Kind = CaseEventKind.EmailSent, Detail = email.MaskedTo });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                email.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                // An address the server refuses, or that cannot be read at all, will not get better by waiting.
                var final = email.ToAddress is null || e is ParseException || e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted };
                if (final || email.Attempts >= smtp.Value.MaxAttempts)
                {
                    email.Status = EmailStatus.Failed;
                    db.CaseEvents.Add(new CaseEventEntry { FeedbackId = email.FeedbackId, At = clock.GetUtcNow(), Actor = "system", Kind = CaseEventKind.EmailFailed, Detail = email.LastError });
                    logger.LogError("An answer by e-mail for case {FeedbackId} failed for good after {Attempts} attempts: {Error}", email.FeedbackId, email.Attempts, email.LastError);
                }
                else
                {
                    email.NextAttemptAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, email.Attempts - 1)));
                    logger.LogWarning("An answer by e-mail for case {FeedbackId} was not sent (attempt {Attempts}): {Error}", email.FeedbackId, email.Attempts, email.LastError);
                }
            }
            // Saved one by one: an e-mail the server took is recorded as sent even if a later one in the batch hangs.
            await db.SaveChangesAsync(ct);
        }
        if (client.IsConnected) await client.DisconnectAsync(true, ct);
        return due.Count;
    }

    MimeMessage Message(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(cases.Value.EmailFrom));
        message.To.Add(MailboxAddress.Parse(email.ToAddress!));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        return message;
    }

    static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "required" or "starttls" => SecureSocketOptions.StartTls,
        "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
