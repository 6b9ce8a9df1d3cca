using System.Globalization;
using System.Net;
using System.Text;
using Medborgare.Web.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medborgare.Web.Tests;

public sealed class ApiHttpTests
{
    sealed record Thing(Guid Id, string Name);

    static ApiHttp Api(FakeHandler handler, TimeSpan? timeout = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://service"), Timeout = timeout ?? TimeSpan.FromSeconds(30) }, NullLogger.Instance);

    static HttpResponseMessage Answer(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Fact]
    public async Task A_success_is_read_into_the_record()
    {
        var id = Guid.NewGuid();
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.OK, $$"""{"id":"{{id}}","name":"Ett"}""", "application/json")));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(new Thing(id, "Ett"), result.Value);
    }

    [Fact]
    public async Task An_error_page_that_is_not_json_keeps_its_status_and_throws_nothing()
    {
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", "text/html")));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(502, result.Problem.Status);
        Assert.Null(result.Problem.Type);
        Assert.Empty(result.Problem.Errors);
    }

    [Fact]
    public async Task A_problem_body_that_claims_json_but_is_not_leaves_the_status()
    {
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.Conflict, "not json {", "application/problem+json")));

        var result = await api.SendAsync(HttpMethod.Delete, "/things/1", null, CancellationToken.None);

        Assert.Equal(409, result.Problem!.Status);
    }

    [Fact]
    public async Task A_success_that_is_not_json_is_an_unreadable_answer_not_an_exception()
    {
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.OK, "<html>Welcome</html>", "text/html")));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.True(result.Problem!.IsUnreachable);
        Assert.Equal(ApiProblem.UnreadableType, result.Problem.Type);
    }

    [Fact]
    public async Task A_204_completes_a_call_that_expects_no_value()
    {
        var api = Api(FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent)));

        var result = await api.SendAsync(HttpMethod.Delete, "/things/1", null, CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_204_where_a_record_was_expected_is_an_unreadable_answer()
    {
        var api = Api(FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent)));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.Equal(ApiProblem.UnreadableType, result.Problem!.Type);
    }

    [Fact]
    public async Task A_validation_problem_brings_its_type_messages_and_codes_per_field()
    {
        const string body = """
            {"type":"urn:medborgare:validation","title":"Ett eller flera värden är inte giltiga","status":400,
             "errors":{"text":["Skriv din synpunkt."],"contact.email":["Ange en giltig e-postadress."]},
             "codes":{"text":["feedback-text-required"],"contact.email":["email-invalid"]}}
            """;
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.BadRequest, body, "application/problem+json")));

        var result = await api.SendAsync<Thing>(HttpMethod.Post, "/things", new { Name = "" }, CancellationToken.None);

        var problem = result.Problem!;
        Assert.Equal(400, problem.Status);
        Assert.Equal("urn:medborgare:validation", problem.Type);
        Assert.True(problem.IsValidation);
        Assert.Equal("Skriv din synpunkt.", problem.ErrorFor("Text"));
        Assert.Equal("email-invalid", problem.CodeFor("contact.email"));
        Assert.Equal(new[] { "text", "contact.email" }, problem.Fields);
    }

    [Fact]
    public async Task A_refusal_with_a_type_is_read_as_a_refusal_of_the_code()
    {
        const string body = """{"type":"urn:medborgare:code-used","title":"Koden har redan använts","status":409,"detail":"Enkäten är redan inskickad."}""";
        var api = Api(FakeHandler.Answering(() => Answer(HttpStatusCode.Conflict, body, "application/problem+json")));

        var result = await api.SendAsync<Thing>(HttpMethod.Post, "/answering/start", new { Code = "x" }, CancellationToken.None);

        Assert.Equal(Services.Resident.CodeRefusal.Used, result.Problem!.Refusal);
        Assert.Equal("Enkäten är redan inskickad.", result.Problem.Detail);
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_an_unreachable_problem()
    {
        var api = Api(FakeHandler.Throwing(new HttpRequestException("Connection refused")));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.True(result.Problem!.IsUnreachable);
        Assert.Equal(ApiProblem.UnreachableType, result.Problem.Type);
    }

    [Fact]
    public async Task A_file_from_a_service_that_cannot_be_reached_is_an_unreachable_problem()
    {
        var api = Api(FakeHandler.Throwing(new HttpRequestException("Connection refused")));

        var result = await api.OpenFileAsync("/things/1/file", "file.csv", "text/csv", CancellationToken.None);

        Assert.Equal(ApiProblem.UnreachableType, result.Problem!.Type);
    }

    [Fact]
    public async Task A_service_slower_than_the_client_waits_is_a_timeout_problem()
    {
        var api = Api(new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }), timeout: TimeSpan.FromMilliseconds(100));

        var result = await api.GetAsync<Thing>("/things/1", CancellationToken.None);

        Assert.True(result.Problem!.IsUnreachable);
        Assert.Equal(ApiProblem.TimeoutType, result.Problem.Type);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_swallowed()
    {
        var api = Api(new FakeHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetAsync<Thing>("/things/1", cancel.Token));
    }

    [Theory]
    [InlineData("sv-SE", "sv")]
    [InlineData("en-GB", "en")]
    public async Task Every_request_asks_for_the_pages_language(string culture, string expected)
    {
        var handler = FakeHandler.Answering(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await Api(handler).SendAsync(HttpMethod.Post, "/things", null, CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        Assert.Equal(expected, Assert.Single(Assert.Single(handler.Requests).Headers.AcceptLanguage).Value);
    }
}
