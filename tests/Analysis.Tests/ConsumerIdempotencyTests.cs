using System.Net.Http.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Analysis.Tests;

/// <summary>Each consumer on real RabbitMQ and PostgreSQL: a redelivered message (same MessageId) has one effect.</summary>
public sealed class ConsumerIdempotencyTests(AnalysisApp service) : IClassFixture<AnalysisApp>
{
    async Task<T> InDbAsync<T>(Func<AnalysisDbContext, Task<T>> query)
    {
        using var scope = service.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalysisDbContext>());
    }

    [Fact]
    public async Task Margins_are_stored_once_and_a_later_registration_replaces_them()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        await service.StartSurveyAsync(survey, null);
        var first = TestSurvey.Margins(survey.SurveyId, seed: 1);
        var id = Guid.NewGuid();

        await service.PublishAsync(first, id);
        await service.PublishAsync(first, id);   // redelivery

        // Both deliveries consumed: whatever the second one did is in the database now.
        await service.Factory.Consumed.WaitForAsync(id, times: 2);
        Assert.Equal(32, await InDbAsync(db => db.PopulationMargins.CountAsync(m => m.SurveyId == survey.SurveyId)));
        Assert.Equal(first.Cells.Sum(c => (long)c.Count), await InDbAsync(db => db.PopulationMargins.Where(m => m.SurveyId == survey.SurveyId).SumAsync(m => m.Count)));

        var second = new PopulationMarginsRegistered
        {
            SurveyId = survey.SurveyId,
            Cells = [new PopulationCell { Stratum = new Stratum { District = "Västra", Sex = "K", AgeGroup = "85+" }, Count = 17 }],
        };
        await service.PublishAsync(second);
        await Eventually.TrueAsync(async () => await InDbAsync(db => db.PopulationMargins.CountAsync(m => m.SurveyId == survey.SurveyId)) == 1,
            what: "the new margins to replace the old");
        Assert.Equal(17, await InDbAsync(db => db.PopulationMargins.Where(m => m.SurveyId == survey.SurveyId).SumAsync(m => m.Count)));
    }

    [Fact]
    public async Task A_closed_survey_is_marked_once_and_stays_preliminary()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        await service.StartSurveyAsync(survey, TestSurvey.Margins(survey.SurveyId));
        var closedAt = new DateTimeOffset(2026, 4, 30, 12, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();

        await service.PublishAsync(new SurveyClosed { SurveyId = survey.SurveyId, ClosedAt = closedAt }, id);
        await service.PublishAsync(new SurveyClosed { SurveyId = survey.SurveyId, ClosedAt = closedAt }, id);   // redelivery

        await service.Factory.Consumed.WaitForAsync(id, times: 2);
        Assert.True((await service.ResultsAsync(survey.SurveyId)).Closed);
        Assert.Equal(closedAt, await InDbAsync(db => db.Surveys.Where(s => s.SurveyId == survey.SurveyId).Select(s => s.ClosedAt).SingleAsync()));
        Assert.Equal(1, await InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == id)));

        // A second close (another message) does not move the date: the survey closed when it first closed.
        var again = Guid.NewGuid();
        await service.PublishAsync(new SurveyClosed { SurveyId = survey.SurveyId, ClosedAt = closedAt.AddDays(1) }, again);
        await Eventually.TrueAsync(() => InDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == again)), what: "the second close");
        Assert.Equal(closedAt, await InDbAsync(db => db.Surveys.Where(s => s.SurveyId == survey.SurveyId).Select(s => s.ClosedAt).SingleAsync()));
        Assert.Equal(ResultStatus.Preliminary, (await service.ResultsAsync(survey.SurveyId)).Status);
    }

    [Fact]
    public async Task Feedback_is_stored_once_and_the_analyst_can_list_it()
    {
        var survey = TestSurvey.Published(municipality: AnalysisApp.NewMunicipality());
        await service.StartSurveyAsync(survey, null);
        var feedback = new CitizenFeedbackReceived
        {
            FeedbackId = Guid.NewGuid(), MunicipalityCode = survey.MunicipalityCode, Category = "Gator", GoalArea = "trygghet",
            District = "Norra", MaskedText = "Lampan vid [adress] är trasig", ReceivedAt = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero),
        };
        var id = Guid.NewGuid();

        await service.PublishAsync(feedback, id);
        await service.PublishAsync(feedback, id);

        await service.Factory.Consumed.WaitForAsync(id, times: 2);
        var item = Assert.Single(await service.Analyst.GetFromJsonAsync<FeedbackDto[]>($"/api/surveys/{survey.SurveyId}/feedback") ?? []);
        Assert.Equal(("Lampan vid [adress] är trasig", "Gator", "trygghet", "Norra"), (item.MaskedText, item.Category, item.GoalArea, item.District));
        Assert.Equal(1, await InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == id)));
    }
}
