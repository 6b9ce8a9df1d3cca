namespace Medborgare.Web.Tests;

/// <summary>A service that answers as it is told: a fixed response, an exception, or a response after a delay. Records each request.</summary>
sealed class FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static FakeHandler Answering(Func<HttpResponseMessage> response) => new((_, _) => Task.FromResult(response()));

    public static FakeHandler Throwing(Exception exception) => new((_, _) => Task.FromException<HttpResponseMessage>(exception));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return answer(request, cancellationToken);
    }
}
