using System.Security.Cryptography;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Collection.Answering;

public sealed record Receipt(string ReceiptNumber, DateOnly SubmittedOn);

/// <summary>
/// Turns a used code into an unlinked response, once. In one transaction: the submission mark (primary key =
/// invitation, so a second one fails), the response with a random id and only the stratum and the day, the
/// draft's deletion, and SurveyResponseSubmitted in the outbox. InvitationAnswered goes later, in shuffled
/// batches (<see cref="AnsweredAnnouncer"/>), so nothing ties the two together in time.
/// </summary>
public sealed class SubmissionService(CollectionDbContext db, TimeProvider clock)
{
    public async Task<(Receipt? Receipt, bool AlreadySubmittedDifferently)> SubmitAsync(
        Invitation invitation, Guid submissionKey, IReadOnlyList<Answer> answers, ResponseChannel channel, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var receipt = new Receipt(NewReceiptNumber(), today);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Submissions.Add(new Submission { InvitationId = invitation.Id, ReceiptNumber = receipt.ReceiptNumber, SubmissionKey = submissionKey, SubmittedOn = today });
        var responseId = Guid.NewGuid();
        db.Responses.Add(new Response
        {
            Id = responseId, SurveyId = invitation.SurveyId, District = invitation.District, Sex = invitation.Sex, AgeGroup = invitation.AgeGroup,
            Channel = channel.ToString(), SubmittedOn = today, Answers = StoredJson.Serialize(answers),
        });
        await db.Drafts.Where(d => d.InvitationId == invitation.Id).ExecuteDeleteAsync(ct);
        db.AddToOutbox(new SurveyResponseSubmitted
        {
            ResponseId = responseId, SurveyId = invitation.SurveyId, Channel = channel, SubmittedOn = today, Answers = answers,
            Stratum = new Stratum { District = invitation.District, Sex = invitation.Sex, AgeGroup = invitation.AgeGroup },
        }, clock);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (receipt, false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone submitted with this code first (perhaps this very request, retried): nothing of ours is kept.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var existing = await db.Submissions.AsNoTracking().FirstAsync(s => s.InvitationId == invitation.Id, ct);
            return existing.SubmissionKey == submissionKey
                ? (new Receipt(existing.ReceiptNumber, existing.SubmittedOn), false)
                : (null, true);
        }
    }

    /// <summary>A receipt number for the resident: random, short, easy to read aloud.</summary>
    static string NewReceiptNumber() => "M-" + RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);
}
