namespace Medborgare.HostileInput.Tests;

public sealed class ResponseClassifierTests
{
    static ResponseOutcome Response(int status, string? mediaType, string body) => new(status, mediaType, body, body.Length);

    [Fact]
    public void A_server_error_is_a_finding_even_with_problem_details()
    {
        Assert.Equal(FindingKind.ServerError, ResponseClassifier.Classify(Response(500, "application/problem+json", "{\"status\":500}"), true));
        Assert.Equal(FindingKind.ServerError, ResponseClassifier.Classify(Response(503, null, ""), false));
    }

    [Fact]
    public void A_client_error_without_problem_details_is_a_finding()
    {
        Assert.Equal(FindingKind.NotProblemDetails, ResponseClassifier.Classify(Response(400, "text/plain", "Bad Request"), true));
        Assert.Equal(FindingKind.NotProblemDetails, ResponseClassifier.Classify(Response(401, null, ""), true));
        Assert.Equal(FindingKind.NotProblemDetails, ResponseClassifier.Classify(Response(404, "application/json", "{}"), false));
    }

    [Fact]
    public void Kestrels_own_empty_refusals_are_exempt()
    {
        Assert.Null(ResponseClassifier.Classify(Response(400, null, ""), true));
        Assert.Null(ResponseClassifier.Classify(Response(414, null, ""), true));
        Assert.Null(ResponseClassifier.Classify(Response(431, null, ""), true));
        Assert.Equal(FindingKind.NotProblemDetails, ResponseClassifier.Classify(Response(413, null, ""), true));
    }

    [Fact]
    public void A_client_error_with_problem_details_keeps_the_rules()
    {
        Assert.Null(ResponseClassifier.Classify(Response(400, "application/problem+json", "{\"status\":400}"), true));
        Assert.Null(ResponseClassifier.Classify(Response(404, "application/problem+json", "{\"status\":404}"), true));
    }

    [Fact]
    public void A_success_is_a_finding_only_for_a_request_that_changes_state()
    {
        Assert.Equal(FindingKind.Accepted, ResponseClassifier.Classify(Response(201, "application/json", "{}"), expectsRejection: true));
        Assert.Null(ResponseClassifier.Classify(Response(200, "application/json", "[]"), expectsRejection: false));
    }

    [Fact]
    public void No_answer_is_a_finding()
    {
        Assert.Equal(FindingKind.TransportFailure, ResponseClassifier.Classify(ResponseOutcome.Failed("timeout"), false));
    }
}
