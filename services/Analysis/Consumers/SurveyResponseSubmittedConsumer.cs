using System.Text.Json;
using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// Keeps the raw response and adds it to its cell's sufficient statistics in the same transaction as the
/// inbox row, so a redelivered response is never counted twice.
/// </summary>
public sealed class SurveyResponseSubmittedConsumer(AnalysisDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyResponseSubmitted, AnalysisDbContext>(db, clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task HandleAsync(SurveyResponseSubmitted message, ConsumeContext<SurveyResponseSubmitted> context)
    {
        var ct = context.CancellationToken;
        if (await Db.Responses.AnyAsync(r => r.ResponseId == message.ResponseId, ct)) return;
        var stratum = message.Stratum;
        Db.Responses.Add(new AnalysedResponse
        {
            ResponseId = message.ResponseId, SurveyId = message.SurveyId, District = stratum.District, Sex = stratum.Sex,
            AgeGroup = stratum.AgeGroup, Channel = message.Channel.ToString(), SubmittedOn = message.SubmittedOn,
            Answers = JsonSerializer.Serialize(message.Answers, Json),
        });

        // One statement for all items: the respondent count ("") and every numeric answer.
        var numeric = message.Answers.Where(a => a.Number is not null).ToList();
        var keys = numeric.Select(a => a.QuestionKey).Prepend(CellItemStatistic.RespondentsKey).ToArray();
        var values = numeric.Select(a => (double)a.Number!.Value).Prepend(0d).ToArray();
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO cell_item_statistics (survey_id, district, sex, age_group, item_key, n, sum, sum_of_squares)
            SELECT {message.SurveyId}, {stratum.District}, {stratum.Sex}, {stratum.AgeGroup}, t.k, 1, t.v, t.v * t.v
            FROM unnest({keys}::text[], {values}::float8[]) AS t(k, v)
            ON CONFLICT (survey_id, district, sex, age_group, item_key)
            DO UPDATE SET n = cell_item_statistics.n + 1, sum = cell_item_statistics.sum + excluded.sum,
                          sum_of_squares = cell_item_statistics.sum_of_squares + excluded.sum_of_squares
            """, ct);
    }
}
