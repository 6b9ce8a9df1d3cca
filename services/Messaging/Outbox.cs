using System.Diagnostics;
using System.Text.Json;
using Medborgare.Contracts;

namespace Medborgare.Messaging;

/// <summary>Adds messages to the caller's DbContext; they are committed with the caller's SaveChanges.</summary>
public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="notBefore">Not sent before this time (a batch that must leave later than the state change it reports).</param>
    public static OutboxMessage AddToOutbox<TMessage>(this IMessagingDbContext db, TMessage message, TimeProvider clock, DateTimeOffset? notBefore = null)
        where TMessage : class
    {
        var row = new OutboxMessage
        {
            Id = NewId(),
            MessageType = typeof(TMessage).FullName!,
            Body = JsonSerializer.Serialize(message, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
            NextAttemptAt = notBefore,
        };
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>Resolves a stored type name. Only contract types can be published.</summary>
    internal static Type? ResolveType(string name) => typeof(SurveyPublished).Assembly.GetType(name);

    static Guid NewId() => Guid.CreateVersion7();
}
