using System.Net;
using System.Text.Json;
using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Quarantine;

// The web's side of the services' quarantine API (services/Messaging/Quarantine/QuarantineApi.cs), kept in this one file so it
// moves easily into the shared client layer. The records repeat the service's QuarantineList and QuarantinedMessageSummary.

public sealed record QuarantinedMessageSummary(Guid Id, Guid MessageId, string MessageType, string Queue, string Error, DateTimeOffset QuarantinedAt);

public sealed record QuarantineList(int Count, IReadOnlyList<QuarantinedMessageSummary> Messages);

/// <summary>One service's quarantine; <see cref="List"/> is null when the service could not be asked.</summary>
public sealed record ServiceQuarantine(string Service, QuarantineList? List);

public enum QuarantineAction { Resend, Discard }

public enum QuarantineOutcome { Done, NotFound, AlreadyHandled, Failed }

/// <summary>Asks every service for its quarantined messages, and sends one again or discards it (Admin; the token handler signs).</summary>
public sealed class QuarantineClient(IHttpClientFactory clients, ILogger<QuarantineClient> logger)
{
    const string Path = "/api/admin/quarantine";
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ServiceQuarantine>> ListAllAsync(CancellationToken ct) =>
        await Task.WhenAll(ResourceNames.Services.Select(s => ListAsync(s, ct)));

    async Task<ServiceQuarantine> ListAsync(string service, CancellationToken ct)
    {
        try
        {
            using var response = await clients.CreateClient(service).GetAsync(Path, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The quarantine of {Service} answered {Status}", service, (int)response.StatusCode);
                return new(service, null);
            }
            return new(service, await response.Content.ReadFromJsonAsync<QuarantineList>(Json, ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The quarantine of {Service} could not be read", service);
            return new(service, null);
        }
    }

    /// <summary>
    /// Sends the message again or discards it. Without retries (the long-running client): a lost answer to "send again" must not
    /// send it twice; asked again, the service says it was already handled.
    /// </summary>
    public async Task<QuarantineOutcome> ActAsync(string service, Guid id, QuarantineAction action, CancellationToken ct)
    {
        if (!ResourceNames.Services.Contains(service)) return QuarantineOutcome.NotFound;
        var verb = action == QuarantineAction.Resend ? "resend" : "discard";
        try
        {
            using var response = await clients.CreateClient(ServiceClients.LongRunningClient(service)).PostAsync($"{Path}/{id}/{verb}", null, ct);
            return response.StatusCode switch
            {
                HttpStatusCode.NoContent or HttpStatusCode.OK => QuarantineOutcome.Done,
                HttpStatusCode.NotFound => QuarantineOutcome.NotFound,
                HttpStatusCode.Conflict => QuarantineOutcome.AlreadyHandled,
                _ => QuarantineOutcome.Failed,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Action} of quarantined message {Id} in {Service} failed", verb, id, service);
            return QuarantineOutcome.Failed;
        }
    }
}
