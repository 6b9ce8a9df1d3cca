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
/// then the throttle, then the salted hash in every open survey. The code itself is never stored or logged.
/// </summary>
public sealed class CodeLookup(CollectionDbContext db, CodeGuessThrottle throttle, TimeProvider clock)
{
    public async Task<CodeLookupResult> FindAsync(string? code, string client, CancellationToken ct)
    {
        if (throttle.RetryAfter(client) is { } wait) return new CodeLookupResult(CodeLookupOutcome.Throttled, RetryAfter: wait);
        if (InvitationCode.Check(code, out var normalized) != InvitationCodeCheck.Valid)
        {
            throttle.RecordFailure(client);
            return new CodeLookupResult(CodeLookupOutcome.Typo);
        }

        var surveys = await db.Surveys.Where(s => s.CodeSalt != null)
            .Select(s => new SurveyHeader(s.SurveyId, s.Year, s.TitleSv, s.TitleEn, s.CodeSalt!, s.ClosedAt)).ToListAsync(ct);
        foreach (var survey in surveys)
        {
            var hash = InvitationCode.Hash(normalized, survey.CodeSalt);
            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.SurveyId == survey.SurveyId && i.CodeHash == hash, ct);
            if (invitation is null) continue;

            var submission = await db.Submissions.FirstOrDefaultAsync(s => s.InvitationId == invitation.Id, ct);
            var outcome = survey.ClosedAt is not null ? CodeLookupOutcome.Closed
                : submission is not null ? CodeLookupOutcome.Used
                : invitation.ValidUntil < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) ? CodeLookupOutcome.Expired
                : CodeLookupOutcome.Found;
            return new CodeLookupResult(outcome, invitation, survey, submission);
        }
        throttle.RecordFailure(client);
        return new CodeLookupResult(CodeLookupOutcome.Unknown);
    }
}
