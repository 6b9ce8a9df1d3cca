using MassTransit;
using Medborgare.Collection.Infrastructure;
using Medborgare.Collection.Model;
using Medborgare.Contracts;
using Medborgare.Messaging;

namespace Medborgare.Collection.Consumers;

/// <summary>Opens a published survey for answers.</summary>
public sealed class SurveyPublishedConsumer(CollectionDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyPublished, CollectionDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyPublished message, ConsumeContext<SurveyPublished> context)
    {
        if (await Db.Surveys.FindAsync([message.SurveyId], context.CancellationToken) is not null) return;
        Db.Surveys.Add(new OpenSurvey
        {
            SurveyId = message.SurveyId,
            MunicipalityCode = message.MunicipalityCode,
            Year = message.Year,
            TitleSv = message.Questionnaire.Title.GetValueOrDefault("sv", ""),
            TitleEn = message.Questionnaire.Title.GetValueOrDefault("en"),
            Questionnaire = StoredJson.Serialize(message.Questionnaire),
            PublishedAt = message.PublishedAt,
        });
    }
}
