using System.Diagnostics;
using System.Security.Cryptography;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Answering;

public sealed record Receipt(string ReceiptNumber, DateOnly SubmittedOn);

/// <summary>
/// Turns a used code into an unlinked response, once. One statement writes the submission mark (primary key = invitation, so a
/// second one writes nothing) and seals the invitation's draft with the final answers and a random response id. The response
/// itself is never written as a row of its own: <see cref="ResponseRelease"/> sends the sealed draft to Analysis and deletes it,
/// so no row in this database pairs a submission with answers by transaction id, physical order or time. InvitationAnswered
/// goes later, in shuffled batches (<see cref="AnsweredAnnouncer"/>).
/// </summary>
public sealed class SubmissionService(CollectionDbContext db, ResponseRelease release, TimeProvider clock)
{
    public async Task<(Receipt? Receipt, bool AlreadySubmittedDifferently)> SubmitAsync(
        Invitation invitation, Guid submissionKey, IReadOnlyList<Answer> answers, ResponseChannel channel, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var receipt = new Receipt(NewReceiptNumber(), today);
        var responseId = Guid.NewGuid();
        var answersJson = StoredJson.Serialize(answers);
        var traceParent = Activity.Current?.Id;
        var channelName = channel.ToString();

        var sealedNow = await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH mark AS (
                INSERT INTO submissions (invitation_id, receipt_number, submission_key, submitted_on, answered_announced)
                VALUES ({invitation.Id}, {receipt.ReceiptNumber}, {submissionKey}, {today}, false)
                ON CONFLICT (invitation_id) DO NOTHING
                RETURNING invitation_id)
            INSERT INTO drafts (invitation_id, answers, page, submission_key, updated_at, sealed, response_id, channel, submitted_on, trace_parent)
            SELECT invitation_id, {answersJson}::jsonb, 0, {submissionKey}, {clock.GetUtcNow()}, true, {responseId}, {channelName}, {today}, {traceParent}
            FROM mark
            ON CONFLICT (invitation_id) DO UPDATE SET
                answers = excluded.answers, submission_key = excluded.submission_key, updated_at = excluded.updated_at, sealed = true,
                response_id = excluded.response_id, channel = excluded.channel, submitted_on = excluded.submitted_on,
                trace_parent = excluded.trace_parent
            """, ct);
        if (sealedNow == 0)
        {
            // Someone submitted with this code first (perhaps this very request, retried): nothing of ours was written.
            var existing = await db.Submissions.AsNoTracking().FirstAsync(s => s.InvitationId == invitation.Id, ct);
            return existing.SubmissionKey == submissionKey
                ? (new Receipt(existing.ReceiptNumber, existing.SubmittedOn), false)
                : (null, true);
        }

        // The submission is durable now; sending it on waits a moment for the next release round, and when the broker is away
        // the sealed draft waits for it instead (the receipt stands either way).
        await release.ReleaseAsync(new SealedResponse(invitation.Id, responseId, new SurveyResponseSubmitted
        {
            ResponseId = responseId, SurveyId = invitation.SurveyId, Channel = channel, SubmittedOn = today, Answers = answers,
            Stratum = new Stratum { District = invitation.District, Sex = invitation.Sex, AgeGroup = invitation.AgeGroup },
        }, traceParent), ct);
        return (receipt, false);
    }

    /// <summary>A receipt number for the resident: random, short, easy to read aloud.</summary>
    static string NewReceiptNumber() => "M-" + RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);
}
