using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Answering;

public enum CodeLookupOutcome { Found, Typo, Unknown, Used, Closed, Expired, Throttled }

/// <summary>What a code leads to. The survey comes without its questionnaire (see <see cref="QuestionnaireCache"/>).</summary>
public sealed record CodeLookupResult(CodeLookupOutcome Outcome, Invitation? Invitation = null, SurveyHeader? Survey = null,
    Submission? Submission = null, TimeSpan? RetryAfter = null);

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

        // One round trip: the code hashed with each survey's salt, matched against the (survey, hash) index, with any submission.
        var hashes = (await headers.GetAsync(db, ct)).ToDictionary(s => s.SurveyId, s => (Survey: s, Hash: InvitationCode.Hash(normalized, s.CodeSalt)));
        var surveyIds = hashes.Keys.ToList();
        var hashValues = hashes.Values.Select(h => h.Hash).ToList();
        var candidates = await db.Invitations.AsNoTracking()
            .Where(i => surveyIds.Contains(i.SurveyId) && hashValues.Contains(i.CodeHash))
            .Select(i => new { Invitation = i, Submission = db.Submissions.AsNoTracking().FirstOrDefault(s => s.InvitationId == i.Id) })
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
