using System.Net;
using System.Text;
using Medborgare.Web.Extensions;
using Medborgare.Web.Services;
using Medborgare.Web.Services.Analysis;
using Medborgare.Web.Services.Distribution;
using Medborgare.Web.Services.FollowUp;
using Medborgare.Web.Services.Resident;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medborgare.Web.Tests;

public sealed class TypedClientTests
{
    /// <summary>Every named client (standard, long-running) over the same fake service.</summary>
    sealed class OneService(FakeHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri($"http://{name}") };
    }

    static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task The_free_text_answers_are_read_from_the_one_record_Analysis_returns()
    {
        var handler = FakeHandler.Answering(() => Json("""{"question":"kommentar","text":{"sv":"Kommentar"},"answers":["Bra","Dåligt"]}"""));
        var factory = new OneService(handler);
        var analysis = new AnalysisClient(factory.CreateClient("analysis"), factory,
            new DistributionClient(factory.CreateClient("distribution"), factory, NullLogger<DistributionClient>.Instance), NullLogger<AnalysisClient>.Instance);

        var result = await analysis.GetFreeTextAsync(Guid.NewGuid(), "kommentar", CancellationToken.None);

        Assert.Equal(new[] { "Bra", "Dåligt" }, result.Value);
    }

    [Fact]
    public async Task A_saved_draft_answered_with_204_succeeds()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        var factory = new OneService(handler);
        var collection = new ResidentCollectionClient(factory.CreateClient("collection"), factory, NullLogger<ResidentCollectionClient>.Instance);

        var result = await collection.SaveDraftAsync("K7QMX4XTR9PHW2C", 1, [], CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(HttpMethod.Put, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task A_deleted_goal_answered_with_204_succeeds()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        var factory = new OneService(handler);
        var followUp = new FollowUpClient(factory.CreateClient("followup"), factory, NullLogger<FollowUpClient>.Instance);

        Assert.True((await followUp.DeleteGoalAsync(Guid.NewGuid(), CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_frame_file_with_bad_rows_comes_back_as_its_line_errors()
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"title":"Filen har fel","errors":[{"line":3,"column":"district","message":"Okänt område"}],"truncated":false}""",
                Encoding.UTF8, "application/problem+json"),
        });
        var factory = new OneService(handler);
        var distribution = new DistributionClient(factory.CreateClient("distribution"), factory, NullLogger<DistributionClient>.Instance);

        var (result, lineErrors) = await distribution.ImportFrameAsync(Guid.NewGuid(), new MemoryStream("a,b\n"u8.ToArray()), CancellationToken.None);

        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal(3, Assert.Single(lineErrors!.Errors).Line);
    }

    [Fact]
    public void The_typed_clients_are_registered_with_their_service_addresses()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddHttpContextAccessor()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddServiceClients();
        services.AddResidentServices();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<DistributionClient>());
        Assert.NotNull(provider.GetRequiredService<AnalysisClient>());
        Assert.NotNull(provider.GetRequiredService<FollowUpClient>());
        Assert.NotNull(provider.GetRequiredService<ResidentCollectionClient>());
    }
}
