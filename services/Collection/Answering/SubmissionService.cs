using System.Diagnostics;
using System.Security.Cryptography;
using Medborgare.ApiContracts.Collection;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Collection.Answering;

/// <summary>
/// Turns a used code into an unlinked response, once, in one statement and one round trip: the submission mark (primary key =
/// invitation, so a second one writes nothing) with the response waiting in it, and the draft's deletion. The response is never a
/// row of its own: <see cref="ResponseRelease"/> sends it to Analysis and clears it from the mark, so no row in this database pairs
/// a submission with answers by transaction id, physical order or time. The answered flags go to Distribution later, in batches.
/// </summary>
public sealed class SubmissionService(CollectionDbContext db, ResponseRelease release, TimeProvider clock)
{
    public async Task<(SubmissionReceipt? Receipt, bool AlreadySubmittedDifferently)> SubmitAsync(
        Invitation invitation, Guid submissionKey, IReadOnlyList<Answer> answers, ResponseChannel channel, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var receipt = new SubmissionReceipt(NewReceiptNumber(), today);
        var responseId = Guid.NewGuid();
        var traceParent = Activity.Current?.Id;

        if (!await MarkAsync(invitation.Id, receipt, submissionKey, answers, responseId, channel, traceParent, ct))
        {
            // Someone submitted with this code first (perhaps this very request, retried): nothing of ours was written.
            var existing = await db.Submissions.AsNoTracking().FirstAsync(s => s.InvitationId == invitation.Id, ct);
            return existing.SubmissionKey == submissionKey
                ? (new SubmissionReceipt(existing.ReceiptNumber, existing.SubmittedOn), false)
                : (null, true);
        }

        // Durable now. Sending it on waits a moment for the next release round; when the broker is away the response waits in
        // its mark instead (the receipt stands either way).
        await release.ReleaseAsync(new PendingResponse(invitation.Id, invitation.CodeHash, new SurveyResponseSubmitted
        {
            ResponseId = responseId, SurveyId = invitation.SurveyId, Channel = channel, SubmittedOn = today, Answers = answers,
            Stratum = new Stratum { District = invitation.District, Sex = invitation.Sex, AgeGroup = invitation.AgeGroup },
        }, traceParent), ct);
        return (receipt, false);
    }

    /// <summary>The mark with its pending response, and the draft's deletion: true when the mark is ours.</summary>
    async Task<bool> MarkAsync(Guid invitationId, SubmissionReceipt receipt, Guid submissionKey, IReadOnlyList<Answer> answers, Guid responseId,
        ResponseChannel channel, string? traceParent, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            WITH mark AS (
                INSERT INTO submissions (invitation_id, receipt_number, submission_key, submitted_on,
                                         pending_answers, pending_response_id, pending_channel, pending_trace_parent, pending_since)
                VALUES (@invitation, @receipt, @key, @day, @answers::jsonb, @response, @channel, @trace, @now)
                ON CONFLICT (invitation_id) DO NOTHING
                RETURNING invitation_id),
            draft AS (DELETE FROM drafts WHERE invitation_id IN (SELECT invitation_id FROM mark))
            SELECT count(*) FROM mark
            """, connection);
        cmd.Parameters.AddWithValue("invitation", invitationId);
        cmd.Parameters.AddWithValue("receipt", receipt.ReceiptNumber);
        cmd.Parameters.AddWithValue("key", submissionKey);
        cmd.Parameters.AddWithValue("day", receipt.SubmittedOn);
        cmd.Parameters.AddWithValue("answers", StoredJson.Serialize(answers));
        cmd.Parameters.AddWithValue("response", responseId);
        cmd.Parameters.AddWithValue("channel", channel.ToString());
        cmd.Parameters.Add(new NpgsqlParameter("trace", NpgsqlTypes.NpgsqlDbType.Varchar) { Value = (object?)traceParent ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        return (long)(await cmd.ExecuteScalarAsync(ct))! == 1;
    }

    /// <summary>A receipt number for the resident: random, short, easy to read aloud.</summary>
    static string NewReceiptNumber() => "M-" + RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);
}
