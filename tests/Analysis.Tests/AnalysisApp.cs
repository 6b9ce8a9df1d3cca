using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Analysis.Results;
using Medborgare.ApiContracts.Analysis;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;

namespace Medborgare.Analysis.Tests;

/// <summary>
/// The Analysis service on a real database and RabbitMQ virtual host, shared by a test class; each test uses surveys (and
/// municipality codes) of its own, or resets the database when it counts everything in it. The test bus publishes with chosen
/// MessageIds and receives what Analysis announces.
/// </summary>
public sealed class AnalysisApp() : ServiceApp<AnalysisDbContext>(ResourceNames.Analysis, ResourceNames.AnalysisDb)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public TestBus<SurveyResultsPublished> Bus { get; private set; } = null!;
    public HttpClient Analyst { get; private set; } = null!;

    /// <summary>A host of the test's own, with other settings or on a database of the test's making (dispose it).</summary>
    public static Task<AnalysisApp> StartOwnAsync(IReadOnlyDictionary<string, string>? settings = null, string? database = null, string? broker = null) =>
        StartOwnAsync(new AnalysisApp(), settings, database, broker);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Bus = await TestBus<SurveyResultsPublished>.StartAsync(BrokerConnectionString, "analysis-tests-results-published");
        Analyst = CreateStaffClient(StaffRoles.Analyst);
    }

    protected override async Task StopAsync()
    {
        if (Bus is not null) await Bus.DisposeAsync();
        await base.StopAsync();
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        return Bus.Bus.Publish(message, ctx => ctx.MessageId = id, CancellationToken.None);
    }

    /// <summary>Publishes the survey and its margins, and waits until Analysis knows the survey.</summary>
    public async Task StartSurveyAsync(SurveyPublished survey, PopulationMarginsRegistered? margins)
    {
        await PublishAsync(survey);
        if (margins is not null) await PublishAsync(margins);
        await Eventually.TrueAsync(async () => (await Analyst.GetAsync($"/api/surveys/{survey.SurveyId}")).IsSuccessStatusCode, what: "the survey");
        if (margins is not null)
            await Eventually.TrueAsync(async () => (await Analyst.GetAsync($"/api/surveys/{survey.SurveyId}/results")).IsSuccessStatusCode, what: "the margins");
    }

    /// <summary>Sends responses in parallel bursts (so the consumer sees batches), then waits until all are counted.</summary>
    public async Task SendResponsesAsync(Guid surveyId, IReadOnlyList<SurveyResponseSubmitted> responses, int redelivered = 0)
    {
        var ids = responses.Select(_ => Guid.NewGuid()).ToList();
        foreach (var chunk in Enumerable.Range(0, responses.Count).Chunk(50))
            await Task.WhenAll(chunk.Select(i => PublishAsync(responses[i], ids[i])));
        // Redeliveries: the same messages again, with the same MessageIds.
        await Task.WhenAll(Enumerable.Range(0, Math.Min(redelivered, responses.Count)).Select(i => PublishAsync(responses[i], ids[i])));
        await Eventually.TrueAsync(async () =>
            (await Analyst.GetFromJsonAsync<RespondentCount>($"/api/surveys/{surveyId}/respondents"))!.Respondents == responses.Count,
            TimeSpan.FromSeconds(60), $"{responses.Count} respondents");
        // Every delivery, redeliveries too, consumed: a duplicate counted twice would show now.
        for (var i = 0; i < ids.Count; i++) await Factory.Consumed.WaitForAsync(ids[i], i < redelivered ? 2 : 1);
    }

    public async Task<SurveyResultsDto> ResultsAsync(Guid surveyId, string? source = null) =>
        (await Analyst.GetFromJsonAsync<SurveyResultsDto>($"/api/surveys/{surveyId}/results" + (source is null ? "" : $"?source={source}"), Json))!;

    public static string NewMunicipality() => Random.Shared.Next(1000, 10000).ToString();
}
