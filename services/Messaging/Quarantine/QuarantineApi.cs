using System.Net.Mime;
using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Medborgare.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medborgare.Messaging.Quarantine;

/// <summary>One quarantined message as the operator sees it (the body stays in the service).</summary>
public sealed record QuarantinedMessageSummary(Guid Id, Guid MessageId, string MessageType, string Queue, string Error, DateTimeOffset QuarantinedAt);

/// <summary>How many messages the service holds in quarantine, and the newest of them.</summary>
public sealed record QuarantineList(int Count, IReadOnlyList<QuarantinedMessageSummary> Messages);

/// <summary>
/// The staff API over a service's quarantine (Admin only), the same in every service: the count and the messages with their errors,
/// "send again" (the stored body back to the queue it came from, under its own MessageId) and "discard". Both actions are audited
/// in the service's database and logged. A message already sent again or discarded answers 409, an id never seen 404.
/// </summary>
public static class QuarantineApi
{
    public const string ProblemNotFound = "urn:medborgare:quarantine-not-found";
    public const string ProblemAlreadyHandled = "urn:medborgare:quarantine-already-handled";
    /// <summary>The list shows the newest this many; the count is of all.</summary>
    const int ListLimit = 200;

    public static RouteGroupBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/quarantine").RequireAuthorization(StaffPolicies.Admin).WithTags("Quarantine");
        api.MapGet("/", ListAsync).WithName("ListQuarantinedMessages").WithSummary("The count of quarantined messages and the newest of them, with their errors");
        api.MapPost("/{id:guid}/resend", ResendAsync).WithName("ResendQuarantinedMessage").WithSummary("Sends a quarantined message again to the queue it came from");
        api.MapPost("/{id:guid}/discard", DiscardAsync).WithName("DiscardQuarantinedMessage").WithSummary("Discards a quarantined message");
        return api;
    }

    static async Task<Ok<QuarantineList>> ListAsync(QuarantineDatabase database, CancellationToken ct)
    {
        var rows = database.Db.Set<QuarantinedMessage>().AsNoTracking();
        var count = await rows.CountAsync(ct);
        var messages = await rows.OrderByDescending(q => q.QuarantinedAt).ThenBy(q => q.Id).Take(ListLimit)
            .Select(q => new QuarantinedMessageSummary(q.Id, q.MessageId, q.MessageType, q.Queue, q.Error, q.QuarantinedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new QuarantineList(count, messages));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> ResendAsync(Guid id, QuarantineDatabase database, IServiceScopeFactory scopes, IBus bus,
        ClaimsPrincipal user, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var db = database.Db;
        // The row stays locked until it is deleted with the audit entry: a second "send again" waits, then finds it handled (409).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, id, ct) is not { } row) return await MissingAsync(db, id, ct);

        // A consumer that quarantined the message by itself also marked it handled; its inbox must forget it before it arrives
        // again under the same MessageId, so on a connection of its own, committed now. (A message that failed after its
        // retries has no inbox row: its transaction was rolled back.)
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<QuarantineDatabase>().Db.Set<InboxMessage>()
                .Where(m => m.MessageId == row.MessageId && m.Consumer == row.Consumer).ExecuteDeleteAsync(ct);
        }
        // Deleted before it is sent, in the transaction that commits once the broker has confirmed it: should the message fail
        // again at once, its new quarantine row waits on this delete (the unique key) instead of finding the old row and being
        // dropped; should the send fail, nothing is deleted.
        Handled(db, row, QuarantineActions.Resend, user, clock, loggers);
        await db.SaveChangesAsync(ct);
        await SendAgainAsync(bus, row, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(Guid id, QuarantineDatabase database, ClaimsPrincipal user, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var db = database.Db;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(db, id, ct) is not { } row) return await MissingAsync(db, id, ct);
        Handled(db, row, QuarantineActions.Discard, user, clock, loggers);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<QuarantinedMessage?> LockAsync(DbContext db, Guid id, CancellationToken ct) =>
        (await db.Set<QuarantinedMessage>().FromSql($"SELECT * FROM quarantined_messages WHERE id = {id} FOR UPDATE").ToListAsync(ct)).SingleOrDefault();

    static async Task<ProblemHttpResult> MissingAsync(DbContext db, Guid id, CancellationToken ct) =>
        await db.Set<QuarantineAuditEntry>().AnyAsync(a => a.QuarantineId == id, ct)
            ? TypedResults.Problem(title: "The message was already sent again or discarded.", statusCode: StatusCodes.Status409Conflict, type: ProblemAlreadyHandled)
            : TypedResults.Problem(title: "No quarantined message has this id.", statusCode: StatusCodes.Status404NotFound, type: ProblemNotFound);

    /// <summary>Removes the row and writes the audit entry, in the caller's transaction; and logs who did what.</summary>
    static void Handled(DbContext db, QuarantinedMessage row, string action, ClaimsPrincipal user, TimeProvider clock, ILoggerFactory loggers)
    {
        var userName = user.Identity?.Name ?? user.FindFirstValue("sub") ?? "unknown";
        db.Set<QuarantinedMessage>().Remove(row);
        db.Set<QuarantineAuditEntry>().Add(new QuarantineAuditEntry
        {
            Id = Guid.CreateVersion7(), QuarantineId = row.Id, MessageId = row.MessageId, Action = action, UserName = userName,
            At = clock.GetUtcNow(), MessageType = row.MessageType, Queue = row.Queue, Error = row.Error,
        });
        loggers.CreateLogger("Medborgare.Messaging.Quarantine").LogWarning(
            "Quarantined message {MessageId} ({MessageType}, queue {Queue}): {Action} by {User}", row.MessageId, row.MessageType, row.Queue, action, userName);
    }

    /// <summary>
    /// Sends the stored message to the queue it came from, under its original MessageId, and waits for the broker's confirm. A body
    /// MassTransit received goes back byte for byte with its headers; a contract message a consumer set aside as plain JSON
    /// (Analysis's responses) is sent as that contract.
    /// </summary>
    static async Task SendAgainAsync(IBus bus, QuarantinedMessage row, CancellationToken ct)
    {
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{row.Queue}"));
        if (row.ContentType == MediaTypeNames.Application.Json && Outbox.ResolveType($"Medborgare.Contracts.{row.MessageType}") is { } type)
        {
            var message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json)!;
            await endpoint.Send(message, type, ctx => ctx.MessageId = row.MessageId, ct);
            return;
        }
        var headers = row.Headers is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        await endpoint.Send(new StoredBody(), ctx =>
        {
            ctx.Serializer = new CopyBodySerializer(new ContentType(row.ContentType), new BytesMessageBody(row.Body));
            ctx.MessageId = row.MessageId;
            // The content type and the message id are the send's own properties, set above; the rest go as they came.
            foreach (var (key, value) in headers.Where(h => !OwnProperties.Contains(h.Key)))
                ctx.Headers.Set(key, value);
        }, ct);
    }

    static readonly HashSet<string> OwnProperties = new(["Content-Type", "MessageId"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Stands in for the message type of a body sent again as stored: the body, not this, goes on the wire.</summary>
    sealed record StoredBody;
}
