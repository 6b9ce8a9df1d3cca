using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Medborgare.DemoSeeder;

/// <summary>JSON over HTTP to the services: staff calls carry an admin token; public calls carry none, as a resident's.</summary>
public sealed class DemoHttp : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    readonly HttpClient http;
    readonly string token;

    public DemoHttp(string signingKey, int concurrency)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(4, concurrency), PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        // An administrator may do everything the seeder does (analyst and admin policies both admit Admin).
        token = StaffToken.Create(signingKey, "demo-seeder", ["Admin"], TimeSpan.FromHours(6));
    }

    public Task<JsonElement> StaffAsync(HttpMethod method, Uri baseUri, string path, object? body = null, CancellationToken ct = default) =>
        SendAsync(method, baseUri, path, body is null ? null : JsonContent.Create(body, options: Json), staff: true, ct);

    public Task<JsonElement> StaffRawAsync(HttpMethod method, Uri baseUri, string path, string json, CancellationToken ct = default) =>
        SendAsync(method, baseUri, path, new StringContent(json, Encoding.UTF8, "application/json"), staff: true, ct);

    public async Task<string> StaffTextAsync(Uri baseUri, string path, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Get, baseUri, path, null, staff: true);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw Failure(request, response.StatusCode, text);
        return text;
    }

    /// <summary>A public call; returns the status and the body so the caller can decide what a refusal means.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PublicAsync(HttpMethod method, Uri baseUri, string path, object? body, CancellationToken ct = default)
    {
        using var request = Request(method, baseUri, path, body is null ? null : JsonContent.Create(body, options: Json), staff: false);
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>A staff GET that may answer 404 (not there yet): null then.</summary>
    public async Task<JsonElement?> StaffTryGetAsync(Uri baseUri, string path, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Get, baseUri, path, null, staff: true);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict) return null;
        if (!response.IsSuccessStatusCode) throw Failure(request, response.StatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    async Task<JsonElement> SendAsync(HttpMethod method, Uri baseUri, string path, HttpContent? content, bool staff, CancellationToken ct)
    {
        using var request = Request(method, baseUri, path, content, staff);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw Failure(request, response.StatusCode, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    HttpRequestMessage Request(HttpMethod method, Uri baseUri, string path, HttpContent? content, bool staff)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = content };
        if (staff) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    static DemoSeedingException Failure(HttpRequestMessage request, HttpStatusCode status, string body) =>
        new($"{request.Method} {request.RequestUri} answered {(int)status}: {(body.Length > 500 ? body[..500] + "…" : body)}");

    public void Dispose() => http.Dispose();
}

/// <summary>A service refused a step of the demo; the message names the call and the service's answer.</summary>
public sealed class DemoSeedingException(string message) : Exception(message);
