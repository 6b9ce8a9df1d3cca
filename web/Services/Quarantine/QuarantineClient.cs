using Medborgare.ServiceDefaults;

namespace Medborgare.Web.Services.Quarantine;

// The web's side of the services' quarantine API (services/Messaging/Quarantine/QuarantineApi.cs), over ApiHttp. The records
// repeat the service's QuarantineList and QuarantinedMessageSummary; the contract test does not cover them yet.

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

    public async Task<IReadOnlyList<ServiceQuarantine>> ListAllAsync(CancellationToken ct) =>
        await Task.WhenAll(ResourceNames.Services.Select(s => ListAsync(s, ct)));

    async Task<ServiceQuarantine> ListAsync(string service, CancellationToken ct)
    {
        var result = await new ApiHttp(clients.CreateClient(service), logger).GetAsync<QuarantineList>(Path, ct);
        if (!result.Succeeded) logger.LogWarning("The quarantine of {Service} could not be read ({Status})", service, result.Problem.Status);
        return new(service, result.Succeeded ? result.Value : null);
    }

    /// <summary>
    /// Sends the message again or discards it. Without retries (the long-running client): a lost answer to "send again" must not
    /// send it twice; asked again, the service says it was already handled.
    /// </summary>
    public async Task<QuarantineOutcome> ActAsync(string service, Guid id, QuarantineAction action, CancellationToken ct)
    {
        if (!ResourceNames.Services.Contains(service)) return QuarantineOutcome.NotFound;
        var verb = action == QuarantineAction.Resend ? "resend" : "discard";
        var api = new ApiHttp(clients.CreateClient(ServiceClients.LongRunningClient(service)), logger);
        var result = await api.SendAsync(HttpMethod.Post, $"{Path}/{id}/{verb}", null, ct);
        if (result.Succeeded) return QuarantineOutcome.Done;
        logger.LogWarning("{Action} of quarantined message {Id} in {Service} was refused ({Status})", verb, id, service, result.Problem.Status);
        return result.Problem.Status switch
        {
            StatusCodes.Status404NotFound => QuarantineOutcome.NotFound,
            StatusCodes.Status409Conflict => QuarantineOutcome.AlreadyHandled,
            _ => QuarantineOutcome.Failed,
        };
    }
}
