using System.Text.Json;
using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Analysis.Consumers;

/// <summary>Registers a published survey, with its index model, for analysis.</summary>
public sealed class SurveyPublishedConsumer(AnalysisDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyPublished, AnalysisDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyPublished message, ConsumeContext<SurveyPublished> context)
    {
        if (await Db.Surveys.FindAsync([message.SurveyId], context.CancellationToken) is not null) return;
        Db.Surveys.Add(new AnalysedSurvey
        {
            SurveyId = message.SurveyId,
            MunicipalityCode = message.MunicipalityCode,
            Year = message.Year,
            TitleSv = message.Questionnaire.Title.GetValueOrDefault("sv", ""),
            Questionnaire = JsonSerializer.Serialize(message.Questionnaire),
            PublishedAt = message.PublishedAt,
        });
    }
}
