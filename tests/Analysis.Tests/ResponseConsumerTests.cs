using System.Net.Http.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Model;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Medborgare.Analysis.Apis.SurveysApi;

namespace Medborgare.Analysis.Tests;

/// <summary>Responses arrive over real RabbitMQ; the raw response and the cell statistics are kept exactly once.</summary>
public sealed class ResponseConsumerTests : IAsyncLifetime
{
    ServiceFactory<AnalysisDbContext> factory = null!;
    readonly SurveyPublished survey = TestSurvey.Published();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        factory = new ServiceFactory<AnalysisDbContext>(ResourceNames.Analysis, ResourceNames.AnalysisDb,
            servers.NewDatabase("analysis"), await servers.NewVirtualHostAsync());
        await factory.StartHealthyAsync();
        await TestMessages.PublishAsync(factory.BrokerConnectionString, survey, Guid.NewGuid());
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    SurveyResponseSubmitted Response(string district, params (string Key, decimal? Value)[] answers) => new()
    {
        ResponseId = Guid.NewGuid(), SurveyId = survey.SurveyId, Channel = ResponseChannel.Web, SubmittedOn = new DateOnly(2026, 3, 1),
        Stratum = new Stratum { District = district, Sex = "M", AgeGroup = "25-34" },
        Answers = answers.Select(a => new Answer { QuestionKey = a.Key, Number = a.Value }).ToList(),
    };

    [Fact]
    public async Task Cell_statistics_add_up_by_hand_and_a_redelivery_counts_once()
    {
        var first = Response("Norra", ("q1", 8), ("f1a", 4));
        var second = Response("Norra", ("q1", 6), ("f1a", null));   // "vet ej": not a value
        var third = Response("Södra", ("q1", 10));
        var firstId = Guid.NewGuid();

        await TestMessages.PublishAsync(factory.BrokerConnectionString, first, firstId);
        await TestMessages.PublishAsync(factory.BrokerConnectionString, first, firstId);   // redelivery
        await TestMessages.PublishAsync(factory.BrokerConnectionString, second, Guid.NewGuid());
        await TestMessages.PublishAsync(factory.BrokerConnectionString, third, Guid.NewGuid());

        var analyst = factory.CreateStaffClient(StaffRoles.Analyst);
        await Eventually.TrueAsync(async () =>
        {
            var response = await analyst.GetAsync($"/api/surveys/{survey.SurveyId}/respondents");
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<RespondentCount>())!.Respondents == 3;
        }, what: "three respondents");
        await Task.Delay(1000);
        var count = (await analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{survey.SurveyId}/respondents"))!;
        Assert.Equal(3, count.Respondents);
        Assert.Equal(2, count.ByDistrict["Norra"]);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalysisDbContext>();
        var q1 = await db.CellItemStatistics.SingleAsync(c => c.District == "Norra" && c.ItemKey == "q1");
        Assert.Equal((2L, 14d, 100d), (q1.N, q1.Sum, q1.SumOfSquares));   // 8 + 6 = 14; 64 + 36 = 100
        var f1a = await db.CellItemStatistics.SingleAsync(c => c.District == "Norra" && c.ItemKey == "f1a");
        Assert.Equal((1L, 4d, 16d), (f1a.N, f1a.Sum, f1a.SumOfSquares));
        var nmi = await db.CellItemStatistics.SingleAsync(c => c.District == "Norra" && c.ItemKey == "NMI");   // the index from q1 alone
        Assert.Equal((2L, 14d, 100d), (nmi.N, nmi.Sum, nmi.SumOfSquares));
        Assert.Equal((0L, 1L, 1L), (q1.LowCount, q1.MiddleCount, q1.HighCount));   // 8 is high, 6 is middle: on q1's own row
        Assert.False(await db.CellItemStatistics.AnyAsync(c => c.ItemKey == "q1:high"));
        var pair = await db.CellPairStatistics.SingleAsync(c => c.District == "Norra" && c.FactorKey == "NMI.f1");   // only the first has both
        Assert.Equal((1L, 4d, 8d, 32d), (pair.N, pair.SumX, pair.SumY, pair.SumXY));
        Assert.Equal(3, await db.Responses.CountAsync());
        Assert.Equal(2, await db.CellItemStatistics.Where(c => c.ItemKey == CellItemStatistic.RespondentsKey).CountAsync());
    }
}
