using MassTransit;
using Medborgare.Contracts;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Medborgare.Messaging;

namespace Medborgare.FollowUp.Consumers;

/// <summary>Notes that a survey year is under way; its citizen indicators follow when results are published.</summary>
public sealed class SurveyPublishedConsumer(FollowUpDbContext db, TimeProvider clock)
    : IdempotentConsumer<SurveyPublished, FollowUpDbContext>(db, clock)
{
    protected override async Task HandleAsync(SurveyPublished message, ConsumeContext<SurveyPublished> context)
    {
        if (await Db.SurveyYears.FindAsync([message.SurveyId], context.CancellationToken) is not null) return;
        Db.SurveyYears.Add(new SurveyYear
        {
            SurveyId = message.SurveyId,
            MunicipalityCode = message.MunicipalityCode,
            Year = message.Year,
            TitleSv = message.Questionnaire.Title.GetValueOrDefault("sv", ""),
            PublishedAt = message.PublishedAt,
        });
    }
}
