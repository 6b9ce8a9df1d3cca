using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Medborgare.ApiContracts.Distribution;
using Medborgare.Contracts;
using Medborgare.Distribution.Infrastructure;
using Medborgare.ServiceDefaults;
using Medborgare.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medborgare.Distribution.Tests;

public sealed class SurveysApiTests(DistributionApp factory) : IClassFixture<DistributionApp>, IAsyncLifetime
{
    HttpClient analyst = null!;

    public async Task InitializeAsync()
    {
        await factory.ResetAsync();
        analyst = factory.CreateStaffClient(StaffRoles.Analyst);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Creating_a_survey_stores_a_draft_that_can_be_read_back()
    {
        var response = await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2026, "Medborgarundersökning 2026", "Citizen survey 2026"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<SurveyDto>())!;
        Assert.Equal(SurveyStatus.Draft, created.Status);
        var read = await analyst.GetFromJsonAsync<SurveyDto>(response.Headers.Location);
        // PostgreSQL keeps microseconds; .NET has 100 ns ticks.
        Assert.Equal(created with { CreatedAt = default }, read! with { CreatedAt = default });
        Assert.True((created.CreatedAt - read!.CreatedAt).Duration() < TimeSpan.FromMilliseconds(1));
        var all = await analyst.GetFromJsonAsync<SurveyDto[]>("/api/surveys");
        Assert.Single(all!);
    }

    [Fact]
    public async Task An_invalid_survey_is_refused_with_every_problem_listed_and_nothing_stored()
    {
        var response = await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("136", 1990, " ", new string('x', 201)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:medborgare:validation", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "municipalityCode", "year", "titleSv", "titleEn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}");
        }
        var codes = problem.GetProperty("codes");
        Assert.Equal(DistributionErrorCodes.MunicipalityCodeInvalid, codes.GetProperty("municipalityCode")[0].GetString());
        Assert.Equal(DistributionErrorCodes.YearOutOfRange, codes.GetProperty("year")[0].GetString());
        Assert.Equal(DistributionErrorCodes.TitleRequired, codes.GetProperty("titleSv")[0].GetString());
        Assert.Equal(DistributionErrorCodes.TitleTooLong, codes.GetProperty("titleEn")[0].GetString());
        Assert.Equal("Ange en svensk titel.", errors.GetProperty("titleSv")[0].GetString());
        Assert.Equal(0, await CountSurveysAsync());
    }

    [Fact]
    public async Task A_refusal_is_worded_in_English_when_English_is_asked_for()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/surveys") { Content = JsonContent.Create(new CreateSurveyRequest("0136", 1990, " ", null)) };
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,sv;q=0.5");

        var problem = await (await analyst.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("One or more values are not valid", problem.GetProperty("title").GetString());
        Assert.Equal("Enter a Swedish title.", problem.GetProperty("errors").GetProperty("titleSv")[0].GetString());
        Assert.Equal(DistributionErrorCodes.TitleRequired, problem.GetProperty("codes").GetProperty("titleSv")[0].GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"municipalityCode": 136, "year": "soon"}""")]
    [InlineData("[]")]
    public async Task Malformed_or_mistyped_json_gets_a_400_problem_not_a_500(string body)
    {
        var response = await analyst.PostAsync("/api/surveys", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountSurveysAsync());
    }

    [Fact]
    public async Task A_second_survey_for_the_same_year_is_a_conflict()
    {
        await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2025, "Första", null));

        var response = await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2025, "Andra", null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await CountSurveysAsync());
    }

    [Fact]
    public async Task Staff_endpoints_require_a_token_with_the_analyst_role()
    {
        var anonymous = factory.CreateClient();
        var politician = factory.CreateStaffClient(StaffRoles.Politician);
        var request = new CreateSurveyRequest("0136", 2024, "Titel", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/surveys", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await politician.PostAsJsonAsync("/api/surveys", request)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/surveys")).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            StaffAuthentication.CreateToken("another-key-of-sufficient-length-for-hmac-sha256", "mallory", [StaffRoles.Admin]));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/surveys")).StatusCode);
    }

    [Fact]
    public async Task Publishing_sends_SurveyPublished_over_RabbitMQ_once()
    {
        await using var listener = await TestBus<SurveyPublished>.StartAsync(factory.BrokerConnectionString, "test-listener");
        var created = await (await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2026, "Medborgarundersökning", "Citizen survey")))
            .Content.ReadFromJsonAsync<SurveyDto>();

        var published = await analyst.PostAsync($"/api/surveys/{created!.Id}/publish", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var message = await Eventually.GetAsync(() => Task.FromResult(listener.Received.FirstOrDefault()), what: "SurveyPublished");
        Assert.Equal(created.Id, message.Message.SurveyId);
        Assert.Equal("0136", message.Message.MunicipalityCode);
        Assert.Equal("Citizen survey", message.Message.Questionnaire.Title["en"]);
        await Task.Delay(500);
        Assert.Single(listener.Received);
    }

    [Fact]
    public async Task A_published_survey_cannot_be_published_again()
    {
        var created = await (await analyst.PostAsJsonAsync("/api/surveys", new CreateSurveyRequest("0136", 2023, "Titel", null)))
            .Content.ReadFromJsonAsync<SurveyDto>();
        await analyst.PostAsync($"/api/surveys/{created!.Id}/publish", null);

        var again = await analyst.PostAsync($"/api/surveys/{created.Id}/publish", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DistributionDbContext>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Publishing_an_unknown_survey_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync($"/api/surveys/{Guid.NewGuid()}/publish", null)).StatusCode);
    }

    async Task<int> CountSurveysAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DistributionDbContext>().Surveys.CountAsync();
    }
}
