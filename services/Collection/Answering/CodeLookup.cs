using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Answering;

public enum CodeLookupOutcome { Found, Typo, Unknown, Used, Closed, Expired, Throttled }

/// <summary>What a code leads to. The survey comes without its questionnaire (see <see cref="QuestionnaireCache"/>).</summary>
public sealed record CodeLookupResult(CodeLookupOutcome Outcome, Invitation? Invitation = null, SurveyHeader? Survey = null,
    UsedCode? Submission = null, TimeSpan? RetryAfter = null);

/// <summary>What a used code's submission mark says: enough to give an idempotent retry the same receipt.</summary>
public sealed record UsedCode(string ReceiptNumber, Guid SubmissionKey, DateOnly SubmittedOn);

public sealed record SurveyHeader(Guid SurveyId, int Year, string TitleSv, string? TitleEn, string CodeSalt, DateTimeOffset? ClosedAt);

/// <summary>
/// Finds the invitation behind an entered code: check character first (a typo never reaches the database),
/// then the throttle, then the salted hash in every survey that has issued codes. The code itself is never stored or logged.
/// </summary>
public sealed class CodeLookup(CollectionDbContext db, SurveyHeaderCache headers, CodeGuessThrottle throttle, TimeProvider clock)
{
    public async Task<CodeLookupResult> FindAsync(string? code, string client, CancellationToken ct)
    {
        if (throttle.RetryAfter(client) is { } wait) return new CodeLookupResult(CodeLookupOutcome.Throttled, RetryAfter: wait);
        if (InvitationCode.Check(code, out var normalized) != InvitationCodeCheck.Valid)
        {
            throttle.RecordFailure(client);
            return new CodeLookupResult(CodeLookupOutcome.Typo);
        }

        // One round trip at a constant cost: the code hashed with each survey's salt, matched against the (survey, hash) index, and
        // its submission mark (if any) by primary key. A plain left join: a subquery per row here would make EF number every
        // submission of the table (ROW_NUMBER() OVER ...), and each lookup would cost more as the survey fills up.
        var hashes = (await headers.GetAsync(db, ct)).ToDictionary(s => s.SurveyId, s => (Survey: s, Hash: InvitationCode.Hash(normalized, s.CodeSalt)));
        var surveyIds = hashes.Keys.ToList();
        var hashValues = hashes.Values.Select(h => h.Hash).ToList();
        var candidates = await (
                from i in db.Invitations.AsNoTracking().Where(i => surveyIds.Contains(i.SurveyId) && hashValues.Contains(i.CodeHash))
                join s in db.Submissions.AsNoTracking() on i.Id equals s.InvitationId into marks
                from s in marks.DefaultIfEmpty()
                select new { Invitation = i, Submission = s == null ? null : new UsedCode(s.ReceiptNumber, s.SubmissionKey, s.SubmittedOn) })
            .ToListAsync(ct);
        if (candidates.FirstOrDefault(c => hashes[c.Invitation.SurveyId].Hash == c.Invitation.CodeHash) is { } match)
        {
            var survey = hashes[match.Invitation.SurveyId].Survey;
            var outcome = survey.ClosedAt is not null ? CodeLookupOutcome.Closed
                : match.Submission is not null ? CodeLookupOutcome.Used
                : match.Invitation.ValidUntil < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) ? CodeLookupOutcome.Expired
                : CodeLookupOutcome.Found;
            return new CodeLookupResult(outcome, match.Invitation, survey, match.Submission);
        }
        throttle.RecordFailure(client);
        return new CodeLookupResult(CodeLookupOutcome.Unknown);
    }
}
