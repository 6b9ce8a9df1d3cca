using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.Messaging.Quarantine;

/// <summary>
/// The last step of every receive endpoint's error pipe, in place of MassTransit's move to the <c>_error</c> queue: a message that
/// failed after its retries (or could not be read at all) is stored in the service's quarantine table, where the staff API shows it,
/// and is then acknowledged. Should the database be unreachable too, the message goes to the <c>_error</c> queue as before, so
/// it is never lost.
/// </summary>
sealed class QuarantineFilter<TDbContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IFilter<ExceptionReceiveContext>
    where TDbContext : DbContext, IMessagingDbContext
{
    /// <summary>Headers MassTransit adds while handling a fault; they describe this failure, not the message.</summary>
    static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Redelivery-"];
    const int MaxErrorLength = 4000;

    public void Probe(ProbeContext context) => context.CreateFilterScope("quarantine");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        QuarantinedMessage row;
        try
        {
            row = Describe(context);
            await StoreAsync(row, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "A failed message on {Queue} could not be quarantined; it goes to the error queue instead", context.InputAddress);
            await ((IFilter<ExceptionReceiveContext>)new ErrorTransportFilter()).Send(context, next).ConfigureAwait(false);
            return;
        }
        logger.LogError(context.Exception, "Message {MessageId} ({MessageType}) on {Queue} failed after its retries and was quarantined: {Error}",
            row.MessageId, row.MessageType, row.Queue, row.Error);
        await next.Send(context).ConfigureAwait(false);
    }

    QuarantinedMessage Describe(ExceptionReceiveContext context)
    {
        var consume = context.TryGetPayload<ConsumeContext>(out var c) ? c : null;
        var queue = QuarantinedMessage.QueueOf(context.InputAddress);
        var headers = context.TransportHeaders.GetAll()
            .Where(h => !FaultHeaderPrefixes.Any(p => h.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(h => h.Value is string or Guid or int or long or bool or DateTime or DateTimeOffset)
            // The transport may give a header twice (a message id from the properties and from the headers): the first stands.
            .DistinctBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(h => h.Key, h => Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var body = context.Body.GetBytes();
        var envelope = consume is null ? Envelope(body) : default;
        var id = Guid.CreateVersion7();
        return new QuarantinedMessage
        {
            Id = id,
            // A body that could not be read may carry no id that MassTransit can find: the row's own stands in.
            MessageId = consume?.MessageId ?? envelope.MessageId ?? context.GetMessageId() ?? id,
            Consumer = queue,
            Queue = queue,
            MessageType = MessageTypeName(consume?.SupportedMessageTypes.FirstOrDefault() ?? envelope.MessageType),
            ContentType = context.ContentType?.MediaType ?? "application/octet-stream",
            Body = body,
            Headers = headers.Count == 0 ? null : JsonSerializer.Serialize(headers),
            Error = Truncate(Describe(context.Exception), MaxErrorLength),
            QuarantinedAt = clock.GetUtcNow(),
        };
    }

    async Task StoreAsync(QuarantinedMessage row, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // A message that fails again in the same consumer before an operator has acted keeps its first row.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO quarantined_messages (id, message_id, consumer, queue, message_type, content_type, body, headers, error, quarantined_at)
            VALUES ({row.Id}, {row.MessageId}, {row.Consumer}, {row.Queue}, {row.MessageType}, {row.ContentType}, {row.Body},
                    CAST({row.Headers} AS jsonb), {row.Error}, {row.QuarantinedAt})
            ON CONFLICT (message_id, consumer) DO NOTHING
            """, ct).ConfigureAwait(false);
    }

    /// <summary>The id and first type of a MassTransit envelope, when the failure came before a consume context had them.</summary>
    static (Guid? MessageId, string? MessageType) Envelope(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Guid? messageId = root.TryGetProperty("messageId", out var m) && m.ValueKind == JsonValueKind.String && Guid.TryParse(m.GetString(), out var g) ? g : null;
            var messageType = root.TryGetProperty("messageType", out var t) && t.ValueKind == JsonValueKind.Array && t.GetArrayLength() > 0
                ? t[0].GetString() : null;
            return (messageId, messageType);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary><c>urn:message:Medborgare.Contracts:InvitationsIssued</c> → <c>InvitationsIssued</c>.</summary>
    static string MessageTypeName(string? urn) => urn is null ? "unknown" : urn[(urn.LastIndexOf(':') + 1)..];

    internal static string Describe(Exception error)
    {
        var inner = error.GetBaseException();
        return inner == error ? $"{error.GetType().Name}: {error.Message}" : $"{error.GetType().Name}: {error.Message} ({inner.GetType().Name}: {inner.Message})";
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
