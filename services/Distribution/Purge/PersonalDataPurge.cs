using Medborgare.Distribution.Infrastructure;
using Medborgare.Distribution.Model;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Purge;

/// <summary>
/// Gallring: once a closed survey's retention period has passed, names, addresses, person ids and codes
/// are deleted. What remains is the count per calibration cell (population, sampled, answered) and each
/// invitation's stratum and answered day, with nothing that leads back to a person. Quarantined messages of the survey go as well.
/// </summary>
public sealed class PersonalDataPurge(DistributionDbContext db, TimeProvider clock, ILogger<PersonalDataPurge> logger)
{
    public static bool IsDue(Survey survey, DateTimeOffset now) =>
        survey is { Status: SurveyStatus.Closed, PurgedAt: null, ClosedAt: not null } && survey.ClosedAt.Value.AddDays(survey.RetentionDays) <= now;

    public async Task<int> PurgeDueSurveysAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Surveys.Where(s => s.Status == SurveyStatus.Closed && s.PurgedAt == null).ToListAsync(ct);
        var purged = 0;
        foreach (var survey in candidates.Where(s => IsDue(s, now)))
        {
            await PurgeAsync(survey, ct);
            purged++;
        }
        return purged;
    }

    async Task PurgeAsync(Survey survey, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counts = await db.FrameEntries.Where(f => f.SurveyId == survey.Id)
            .GroupBy(f => new { f.District, f.Sex, f.AgeGroup })
            .Select(g => new StratumCount
            {
                SurveyId = survey.Id, District = g.Key.District, Sex = g.Key.Sex, AgeGroup = g.Key.AgeGroup,
                Population = g.Count(),
                Sampled = g.Count(f => f.Sampled),
                Answered = db.Invitations.Count(i => i.SurveyId == survey.Id && i.District == g.Key.District && i.Sex == g.Key.Sex
                                                     && i.AgeGroup == g.Key.AgeGroup && i.AnsweredOn != null),
            }).ToListAsync(ct);
        db.StratumCounts.AddRange(counts);

        // The invitation keeps its stratum and answered day for the response-rate history; code, hash and link go.
        await db.Invitations.Where(i => i.SurveyId == survey.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.ProtectedCode, (string?)null)
            .SetProperty(i => i.FrameEntryId, (long?)null)
            .SetProperty(i => i.CodeHash, i => "purged:" + i.Id.ToString()), ct);
        await db.FrameEntries.Where(f => f.SurveyId == survey.Id).ExecuteDeleteAsync(ct);
        // A message of this survey that an operator never sent again or discarded (answered flags: code hashes) goes too.
        var surveyId = survey.Id.ToString();
        var quarantined = await db.Database.ExecuteSqlAsync(
            $"DELETE FROM quarantined_messages WHERE strpos(lower(convert_from(body, 'UTF8')), {surveyId}) > 0", ct);

        survey.PurgedAt = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry { SurveyId = survey.Id, UserName = "system", Action = "personal-data.purged", At = survey.PurgedAt.Value,
            Detail = $"{counts.Sum(c => c.Population)} frame rows and {quarantined} quarantined messages deleted" });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Purged personal data of survey {SurveyId}", survey.Id);
    }
}
