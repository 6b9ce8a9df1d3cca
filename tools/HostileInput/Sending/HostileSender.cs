using System.Net;
using System.Text;

namespace Medborgare.HostileInput;

/// <summary>
/// Sends one request as one identity with its own timeout and reads what comes back. Never throws for what the server
/// does: a timeout, a reset or a refused connection becomes a <see cref="ResponseOutcome"/> with a transport error.
/// </summary>
public sealed class HostileSender(HttpClient http, TimeSpan timeout)
{
    const int KeptChars = 300;
    /// <summary>Read at most this much of a body (a large list is read, a stream without end is not).</summary>
    const int MaxReadBytes = 4 * 1024 * 1024;

    public static HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        MaxConnectionsPerServer = Math.Max(1, connections),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<ResponseOutcome> SendAsync(HostileRequest request, HostileIdentity identity, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url());
        if (identity.CreateToken() is { } token) message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } type) message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var (start, length) = await ReadAsync(response, deadline.Token);
            return new ResponseOutcome((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, start, length);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ResponseOutcome.Failed($"timeout: no complete answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return ResponseOutcome.Failed($"{ex.HttpRequestError}: {Innermost(ex).Message}");
        }
        catch (IOException ex)
        {
            return ResponseOutcome.Failed($"io: {Innermost(ex).Message}");
        }
    }

    static async Task<(string Start, long Length)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        long length = 0;
        int read;
        while (length < MaxReadBytes && (read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (kept.Length < KeptChars * 4) kept.Write(buffer, 0, Math.Min(read, KeptChars * 4 - (int)kept.Length));
            length += read;
        }
        var text = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
        return (text.Length > KeptChars ? text[..KeptChars] : text, length);
    }

    static Exception Innermost(Exception ex) => ex.InnerException is { } inner ? Innermost(inner) : ex;
}
