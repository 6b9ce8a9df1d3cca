using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Distribution.Apis;

/// <summary>Svarsfrekvens: the response rate overall, per district and by day, from the "answered" flags.</summary>
public static class ResponseRateApi
{
    public static IEndpointRouteBuilder MapResponseRateApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/surveys/{id:guid}/response-rate", GetResponseRate).WithTags("Monitoring").RequireAuthorization(StaffPolicies.Analyst)
            .WithName("GetResponseRate").WithSummary("Invitations, answers and the response rate: overall, per district, and cumulatively by day");
        return app;
    }

    static async Task<Results<Ok<ResponseRate>, NotFound>> GetResponseRate(Guid id, DistributionDbContext db, CancellationToken ct)
    {
        if (!await db.Surveys.AnyAsync(s => s.Id == id, ct)) return TypedResults.NotFound();
        var cells = await db.Invitations.Where(i => i.SurveyId == id)
            .GroupBy(i => new { i.District, i.Sex, i.AgeGroup, i.AnsweredOn })
            .Select(g => new Cell(g.Key.District, g.Key.Sex, g.Key.AgeGroup, g.Key.AnsweredOn, g.Count()))
            .ToListAsync(ct);
        var reminders = await db.Invitations.Where(i => i.SurveyId == id).MaxAsync(i => (int?)i.RemindersSent, ct) ?? 0;

        var invited = cells.Sum(c => c.Count);
        var answered = cells.Where(c => c.AnsweredOn != null).Sum(c => c.Count);
        IReadOnlyList<RateRow> By(Func<Cell, string> key) => cells
            .GroupBy(key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Sum(c => c.Count), g.Where(c => c.AnsweredOn != null).Sum(c => c.Count)))
            .ToList();

        var cumulative = 0;
        var byDay = cells.Where(c => c.AnsweredOn != null).GroupBy(c => c.AnsweredOn!.Value).OrderBy(g => g.Key)
            .Select(g =>
            {
                var n = g.Sum(c => c.Count);
                cumulative += n;
                return new DayRow(g.Key, n, cumulative, Rate(cumulative, invited));
            }).ToList();

        return TypedResults.Ok(new ResponseRate(invited, answered, Rate(answered, invited), reminders,
            By(c => c.District), By(c => c.Sex), By(c => c.AgeGroup), byDay));
    }

    sealed record Cell(string District, string Sex, string AgeGroup, DateOnly? AnsweredOn, int Count);

    static RateRow Row(string label, int invited, int answered) => new(label, invited, answered, Rate(answered, invited));

    static double Rate(int answered, int invited) => invited == 0 ? 0 : Math.Round(100.0 * answered / invited, 1);
}
