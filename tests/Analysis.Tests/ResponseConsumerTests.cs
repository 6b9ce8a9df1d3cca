using System.Net.Http.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Statistics;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Analysis.Tests;

/// <summary>Responses arrive over real RabbitMQ; the raw response and the cell statistics are kept exactly once.</summary>
public sealed class ResponseConsumerTests(AnalysisApp factory) : IClassFixture<AnalysisApp>, IAsyncLifetime
{
    readonly SurveyPublished survey = TestSurvey.Published();

    public async Task InitializeAsync()
    {
        // Empty: the test counts every response and statistics row in the database.
        await factory.ResetAsync();
        await TestMessages.PublishAsync(factory.BrokerConnectionString, survey, Guid.NewGuid());
    }

    public Task DisposeAsync() => Task.CompletedTask;

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
        var calculator = scope.ServiceProvider.GetRequiredService<ResultsCalculator>();
        var definition = (await calculator.FindSurveyAsync(survey.SurveyId, CancellationToken.None))!;
        var aggregates = await calculator.AggregatesAsync(definition, CancellationToken.None);
        var norra = aggregates.Cells[new Cell("Norra", "M", "25-34")];
        var v = definition.Model.VariableIndex;
        (long, double, double) Of(string key) => (norra.N[v[key]], norra.Sum[v[key]], norra.SumOfSquares[v[key]]);
        Assert.Equal((2L, 14d, 100d), Of("q1"));   // 8 + 6 = 14; 64 + 36 = 100
        Assert.Equal((1L, 4d, 16d), Of("f1a"));
        Assert.Equal((2L, 14d, 100d), Of("NMI"));   // the index from q1 alone
        Assert.Equal([(2L, 0d, 0d), (2L, 1d, 1d), (2L, 1d, 1d)], new[] { Of("q1:low"), Of("q1:middle"), Of("q1:high") });   // 8 is high, 6 is middle
        var pair = definition.Model.Pairs.Select((p, i) => (p, i)).Single(x => definition.Model.Variables[x.p.Factor].Key == "NMI.f1").i;
        Assert.Equal((1L, 4d, 8d, 32d), (norra.PairN[pair], norra.PairSumX[pair], norra.PairSumY[pair], norra.PairSumXY[pair]));   // only the first has both
        Assert.Equal(3, await db.Responses.CountAsync());
        // One row per cell, whatever the number of variables: Norra and Södra.
        Assert.Equal([(2L, "Norra"), (1L, "Södra")], (await db.CellStatistics.OrderBy(c => c.District).ToListAsync()).Select(c => (c.Respondents, c.District)));
    }
}
