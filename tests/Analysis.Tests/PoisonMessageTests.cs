using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// A batch of responses over real RabbitMQ and PostgreSQL that holds one message no database can take and one whose survey
/// is not known yet: the good ones are counted at once, the broken one is quarantined with its error, and the early one is
/// counted when its survey arrives.
/// </summary>
public sealed class PoisonMessageTests : IAsyncLifetime
{
    AnalysisApp factory = null!;
    readonly SurveyPublished survey = TestSurvey.Published();
    readonly SurveyPublished later = TestSurvey.Published(year: 2025);

    public async Task InitializeAsync()
    {
        // A host of each test's own, for a setting the shared one does not have: a batch stays open for 3 s after its first
        // message, so the messages published back to back below arrive as one.
        factory = await AnalysisApp.StartOwnAsync(new Dictionary<string, string> { ["Analysis:ResponseBatchTimeLimit"] = "00:00:03" });
        await TestMessages.PublishAsync(factory.BrokerConnectionString, survey, Guid.NewGuid());
        await Eventually.TrueAsync(async () => (await factory.CreateStaffClient(StaffRoles.Analyst)
            .GetAsync($"/api/surveys/{survey.SurveyId}/respondents")).IsSuccessStatusCode, what: "the survey to be known");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    static SurveyResponseSubmitted Response(SurveyPublished to, string district, decimal q1) => new()
    {
        ResponseId = Guid.NewGuid(), SurveyId = to.SurveyId, Channel = ResponseChannel.Web, SubmittedOn = new DateOnly(2026, 3, 1),
        Stratum = new Stratum { District = district, Sex = "K", AgeGroup = "35-44" },
        Answers = [new Answer { QuestionKey = "q1", Number = q1 }],
    };

    [Fact]
    public async Task A_message_that_breaks_its_batch_is_quarantined_and_the_rest_are_counted()
    {
        // The district is longer than any district column allows: no retry can ever store it.
        var broken = (Message: Response(survey, new string('x', 150), 5), MessageId: Guid.NewGuid());
        var early = (Message: Response(later, "Norra", 9), MessageId: Guid.NewGuid());
        List<(SurveyResponseSubmitted Message, Guid MessageId)> batch =
        [
            (Response(survey, "Norra", 8), Guid.NewGuid()),
            (Response(survey, "Södra", 6), Guid.NewGuid()),
            broken,
            early,
            (Response(survey, "Norra", 10), Guid.NewGuid()),
            (Response(survey, "Södra", 4), Guid.NewGuid()),
        ];

        await TestMessages.PublishAllAsync(factory.BrokerConnectionString, batch);

        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        // The four good ones are counted in the first delivery, not after the retries (minutes) the early one waits through.
        await Eventually.TrueAsync(async () => (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!
            .Respondents == 4, TimeSpan.FromSeconds(20), "the four good responses to be counted");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalysisDbContext>();
            var quarantined = await db.QuarantinedMessages.AsNoTracking().SingleAsync();
            Assert.Equal(broken.MessageId, quarantined.MessageId);
            Assert.Contains("SurveyResponseBatchConsumer", quarantined.Consumer);
            Assert.Contains("too long", quarantined.Error);
            Assert.Contains(broken.Message.ResponseId.ToString(), quarantined.BodyText);
            Assert.False(await db.Responses.AnyAsync(r => r.ResponseId == broken.Message.ResponseId));
            var calculator = scope.ServiceProvider.GetRequiredService<ResultsCalculator>();
            var aggregates = await calculator.AggregatesAsync((await calculator.FindSurveyAsync(survey.SurveyId, CancellationToken.None))!, CancellationToken.None);
            var q1 = aggregates.Model.VariableIndex["q1"];
            Assert.Equal((4L, 28d), (aggregates.Cells.Values.Sum(c => c.N[q1]), aggregates.Cells.Values.Sum(c => c.Sum[q1])));   // 8 + 6 + 10 + 4, without the broken 5
        }

        // The early response waits for its survey, and is counted when it arrives.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, later, Guid.NewGuid());
        await Eventually.TrueAsync(async () =>
        {
            var response = await analyst.GetAsync($"/api/surveys/{later.SurveyId}/respondents");
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<RespondentCount>())!.Respondents == 1;
        }, what: "the early response to be counted once its survey is known");

        // A redelivery of the broken message changes nothing, and nothing else was set aside.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, broken.Message, broken.MessageId);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(4, (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!.Respondents);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AnalysisDbContext>().QuarantinedMessages.CountAsync());
        }
    }

    [Fact]
    public async Task A_packed_message_that_breaks_its_batch_is_split_its_good_responses_counted_and_the_rest_quarantined()
    {
        var broken = Response(survey, new string('x', 150), 5);
        var early = Response(later, "Norra", 9);
        var mixed = (Message: new SurveyResponsesSubmitted { Responses = [Response(survey, "Norra", 8), broken, early, Response(survey, "Södra", 6)] },
            MessageId: Guid.NewGuid());
        var good = (Message: new SurveyResponsesSubmitted { Responses = [Response(survey, "Norra", 10), Response(survey, "Södra", 4)] }, MessageId: Guid.NewGuid());

        await TestMessages.PublishAllAsync(factory.BrokerConnectionString, [mixed, good]);

        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        // The good responses of both messages are counted in the first delivery, while the early one waits for its survey.
        await Eventually.TrueAsync(async () => (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!
            .Respondents == 4, TimeSpan.FromSeconds(20), "the four good responses to be counted");
        // While part of the message waits, nothing of it is set aside: it comes back whole.
        Assert.Equal(0, await InDbAsync(db => db.QuarantinedMessages.CountAsync()));

        await TestMessages.PublishAsync(factory.BrokerConnectionString, later, Guid.NewGuid());
        await Eventually.TrueAsync(async () => await InDbAsync(db => db.QuarantinedMessages.AnyAsync()), what: "the broken response to be quarantined");
        var quarantined = await InDbAsync(db => db.QuarantinedMessages.AsNoTracking().SingleAsync());
        Assert.Equal((mixed.MessageId, "SurveyResponsesBatchConsumer", nameof(SurveyResponsesSubmitted)), (quarantined.MessageId, quarantined.Consumer, quarantined.MessageType));
        Assert.Contains("1 of 4 responses", quarantined.Error);
        Assert.Contains("too long", quarantined.Error);
        // The body is a packed message of only what could not be counted: resending it, mended, counts just that.
        var body = JsonSerializer.Deserialize<SurveyResponsesSubmitted>(quarantined.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal([broken.ResponseId], body.Responses.Select(r => r.ResponseId));
        Assert.Equal(1, (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{later.SurveyId}/respondents"))!.Respondents);
        Assert.Equal(4, (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!.Respondents);

        // A redelivery of the packed message changes nothing.
        await TestMessages.PublishAsync(factory.BrokerConnectionString, mixed.Message, mixed.MessageId);
        var deliveries = factory.Consumed.Consumed(mixed.MessageId);
        await factory.Consumed.WaitForAsync(mixed.MessageId, deliveries + 1);
        Assert.Equal(4, (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!.Respondents);
        Assert.Equal((1, 5), (await InDbAsync(db => db.QuarantinedMessages.CountAsync()), await InDbAsync(db => db.Responses.CountAsync())));   // 8, 6, 10, 4 and the early 9
    }

    async Task<T> InDbAsync<T>(Func<AnalysisDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalysisDbContext>());
    }
}
