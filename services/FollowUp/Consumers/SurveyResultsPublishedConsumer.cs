using MassTransit;
using Medborgare.Contracts;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.FollowUp.Consumers;

/// <summary>
/// Stores every published indicator result and priority-matrix factor of a year. A republished year replaces that year's results; every
/// citizen indicator reads its value and status from here, so a new year updates them all at once.
/// </summary>
public sealed class SurveyResultsPublishedConsumer(FollowUpDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyResultsPublished, FollowUpDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyResultsPublished message, ConsumeContext<SurveyResultsPublished> context)
    {
        var ct = context.CancellationToken;
        var now = Clock.GetUtcNow();
        // Publications of a year can overtake each other on the broker (an analyst's publish and an answer's republication a
        // moment later): an older one than what is stored is already superseded.
        var stored = await Db.CitizenResults.Where(r => r.MunicipalityCode == message.MunicipalityCode && r.Year == message.Year)
            .MaxAsync(r => (DateTimeOffset?)r.SourcePublishedAt, ct);
        if (stored is { } latest && message.PublishedAt < latest) return;
        // Runs inside the base class's transaction, so the replacement and the inbox row commit together.
        await Db.CitizenResults.Where(r => r.MunicipalityCode == message.MunicipalityCode && r.Year == message.Year).ExecuteDeleteAsync(ct);
        foreach (var result in message.Indicators.GroupBy(i => i.Key).Select(g => g.Last()))
        {
            Db.CitizenResults.Add(new CitizenResult
            {
                MunicipalityCode = message.MunicipalityCode,
                Year = message.Year,
                Key = result.Key,
                SurveyId = message.SurveyId,
                Kind = result.Kind,
                Value = result.Value,
                CiLow = result.CiLow,
                CiHigh = result.CiHigh,
                N = result.N,
                ChangeVsLastYear = result.ChangeVsLastYear,
                PreviousValue = result.PreviousValue,
                GoalAreaTags = result.GoalAreaTags.ToList(),
                PublishedAt = now,
                SourcePublishedAt = message.PublishedAt,
            });
        }
        await Db.CitizenPriorities.Where(p => p.MunicipalityCode == message.MunicipalityCode && p.Year == message.Year).ExecuteDeleteAsync(ct);
        foreach (var p in message.Priorities.GroupBy(p => (p.OverallKey, p.FactorKey)).Select(g => g.Last()))
        {
            Db.CitizenPriorities.Add(new CitizenPriority
            {
                MunicipalityCode = message.MunicipalityCode, Year = message.Year, SurveyId = message.SurveyId,
                OverallKey = p.OverallKey, FactorKey = p.FactorKey, NameSv = p.NameSv, NameEn = p.NameEn,
                Score = p.Score, Effect = p.Effect, N = p.N, Quadrant = p.Quadrant, GoalAreaTags = p.GoalAreaTags.ToList(),
            });
        }
        if (await Db.SurveyYears.FindAsync([message.SurveyId], ct) is { } year) year.ResultsPublishedAt = now;
    }
}
