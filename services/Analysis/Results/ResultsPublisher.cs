using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Medborgare.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Results;

public enum PublishRefusal { None, NotFound, NoMargins, NoRespondents, NotConverged }

public sealed record PublishOutcome(PublishRefusal Refusal, string? Detail = null, DateTimeOffset PublishedAt = default, int Indicators = 0, int Year = 0);

/// <summary>
/// Publishes a year's results: the figures are stored as the published snapshot and <c>SurveyResultsPublished</c> goes into the
/// outbox, in one transaction (the caller's, when it has one). Used by the analyst's publish request, and by the response
/// consumer when the analyst asked for published results to be kept current while the survey is still open.
/// </summary>
public sealed class ResultsPublisher(ResultsCalculator results, AnalysisDbContext db, TimeProvider clock)
{
    /// <summary>Publishes the survey's results now; <paramref name="keepCurrent"/> sets whether later answers republish them (null: unchanged).</summary>
    public async Task<PublishOutcome> PublishAsync(Guid id, bool? keepCurrent, CancellationToken ct)
    {
        // The survey's row is locked before the figures are read, so a batch of answers committing meanwhile cannot be
        // overwritten by older figures: publications of one survey (the analyst's, and those keeping it current) take turns.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM surveys WHERE survey_id = {id} FOR UPDATE", ct);
        if (await results.FindSurveyAsync(id, ct) is not { } survey) return new(PublishRefusal.NotFound);
        if (await results.MarginsAsync(id, ct) is not { } margins) return new(PublishRefusal.NoMargins);
        var report = await results.ReportAsync(survey, margins, fromRaw: false, ct);
        if (report.Respondents == 0) return new(PublishRefusal.NoRespondents, "There is nothing to publish yet.");
        if (report.Calibration.Status != CalibrationStatus.Converged) return new(PublishRefusal.NotConverged, report.Calibration.Message);

        var previous = (await results.PreviousYearsAsync(survey, ct)).LastOrDefault();
        var publishedAt = clock.GetUtcNow();
        await db.PublishedIndicators.Where(p => p.SurveyId == id).ExecuteDeleteAsync(ct);
        db.PublishedIndicators.AddRange(report.Indicators.Select(i => new PublishedIndicator
        {
            SurveyId = id, Key = i.Key, Kind = i.Kind.ToString(), Value = i.Value, StandardError = i.StandardError, N = i.N,
            Mean = i.Mean, MeanStandardError = i.MeanStandardError,
        }));
        var stored = await db.Surveys.SingleAsync(s => s.SurveyId == id, ct);
        stored.ResultsPublishedAt = publishedAt;
        if (keepCurrent is { } keep) stored.KeepPublishedCurrent = keep;
        db.AddToOutbox(new SurveyResultsPublished
        {
            SurveyId = id, MunicipalityCode = survey.MunicipalityCode, Year = survey.Year, PublishedAt = publishedAt,
            Indicators = [.. report.Indicators.Select(i => Publishing.ToResult(i, survey, previous))],
            Priorities = [.. Publishing.ToPriorities(report.Priorities, survey)],
        }, clock);
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        return new(PublishRefusal.None, null, publishedAt, report.Indicators.Count, survey.Year);
    }
}
