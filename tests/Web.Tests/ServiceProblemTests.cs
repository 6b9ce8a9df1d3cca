using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medborgare.ApiContracts.Analysis;
using Medborgare.ApiContracts.Distribution;
using Medborgare.ApiContracts.FollowUp;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Tests;

/// <summary>What the services' refusals look like on the wire: a stable type, per-field codes, and their own text in the language asked for.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ServiceProblemTests(ServiceApps services)
{
    static async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(HttpClient client, string path, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Theory]
    [InlineData(null, "Välj vad synpunkten gäller.")]
    [InlineData("sv-SE,sv;q=0.9", "Välj vad synpunkten gäller.")]
    [InlineData("en-GB,en;q=0.9,sv;q=0.5", "Choose what the feedback is about.")]
    public async Task A_feedback_validation_problem_has_a_type_codes_and_the_asked_language(string? language, string message)
    {
        var (status, problem) = await PostAsync(services.Collection.CreateClient(), "/api/feedback", new { text = "Bra park" }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(CodedProblems.ValidationType, problem.GetProperty("type").GetString());
        Assert.Equal("category-required", problem.GetProperty("codes").GetProperty("category")[0].GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task A_refused_code_has_a_stable_type_and_its_detail_in_English_when_asked()
    {
        var (status, problem) = await PostAsync(services.Collection.CreateClient(), "/api/answering/start", new { code = "AAAAA-AAAAA-AAAAA" }, "en");

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, status.ToString());
        Assert.StartsWith("urn:medborgare:code-", problem.GetProperty("type").GetString());
        Assert.StartsWith("Check", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_validation_problem_of_another_service_gets_the_stable_validation_type()
    {
        var (status, problem) = await PostAsync(services.FollowUp.CreateStaffClient(StaffRoles.Admin), "/api/goals", new { title = "Utan nivå" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(CodedProblems.ValidationType, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("level", out _));
    }

    [Theory]
    [InlineData(null, "Ange en svensk titel.")]
    [InlineData("en-GB,en;q=0.9,sv;q=0.5", "Enter a Swedish title.")]
    public async Task A_Distribution_validation_problem_has_codes_and_the_asked_language(string? language, string message)
    {
        var (status, problem) = await PostAsync(services.Distribution.CreateStaffClient(StaffRoles.Analyst), "/api/surveys",
            new { municipalityCode = "0136", year = 2032, titleSv = " " }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(CodedProblems.ValidationType, problem.GetProperty("type").GetString());
        Assert.Equal(DistributionErrorCodes.TitleRequired, problem.GetProperty("codes").GetProperty("titleSv")[0].GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("titleSv")[0].GetString());
    }

    [Theory]
    [InlineData(null, "Ange nivå: Vision, GoalArea, CouncilGoal eller CommitteeGoal.")]
    [InlineData("en", "Give the level: Vision, GoalArea, CouncilGoal or CommitteeGoal.")]
    public async Task A_FollowUp_validation_problem_has_codes_and_the_asked_language(string? language, string message)
    {
        var (status, problem) = await PostAsync(services.FollowUp.CreateStaffClient(StaffRoles.Admin), "/api/goals", new { title = "Utan nivå" }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(FollowUpErrorCodes.LevelRequired, problem.GetProperty("codes").GetProperty("level")[0].GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("level")[0].GetString());
    }

    [Theory]
    [InlineData(null, "source är 'cells' (standard) eller 'raw'.")]
    [InlineData("en-US", "source is 'cells' (the default) or 'raw'.")]
    public async Task An_Analysis_validation_problem_has_codes_and_the_asked_language(string? language, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/surveys/{Guid.NewGuid()}/results?source=guess");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await services.Analysis.CreateStaffClient(StaffRoles.Analyst).SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CodedProblems.ValidationType, problem.GetProperty("type").GetString());
        Assert.Equal(AnalysisErrorCodes.SourceUnknown, problem.GetProperty("codes").GetProperty("source")[0].GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("source")[0].GetString());
    }

    [Fact]
    public async Task A_conflict_that_a_page_words_itself_is_known_by_its_type()
    {
        var analyst = services.Distribution.CreateStaffClient(StaffRoles.Analyst);
        var survey = new { municipalityCode = "0136", year = 2031, titleSv = "Dubbel" };
        Assert.True((await analyst.PostAsJsonAsync("/api/surveys", survey)).IsSuccessStatusCode);

        var (status, problem) = await PostAsync(analyst, "/api/surveys", survey);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("urn:medborgare:survey-exists", problem.GetProperty("type").GetString());
    }
}
