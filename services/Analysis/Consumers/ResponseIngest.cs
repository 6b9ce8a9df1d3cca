using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Medborgare.Analysis.Infrastructure;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medborgare.Analysis.Consumers;

/// <summary>
/// A batch of response messages, single or packed, counted in one transaction (<see cref="ResponseCounter"/>). A batch that
/// fails for a reason of its data is counted one message at a time, so one bad message neither holds back the others nor takes
/// them to the error queue with it:
/// <list type="bullet">
/// <item>a message that must wait (its survey is not known yet, its statistics are in another layout, or the database went
/// away) is thrown for again once the others are counted, so the retry finds only it new (the inbox knows the rest);</item>
/// <item>a single message that fails while others go through breaks a rule of the data, and is quarantined with its error;</item>
/// <item>a packed message that fails is split: each of its responses is counted on its own, so its good responses are counted
/// now and one that waits does not hold back the rest (the response ids keep a retry from counting any twice). The responses
/// that cannot be counted are quarantined together under the packed message's MessageId, as a packed message of just them,
/// once none of it still waits; sending that again after mending the cause (the quarantine's staff API, which makes the inbox
/// forget the MessageId) counts only what was missing.</item>
/// </list>
/// When nothing at all can be counted the fault is not the messages': the batch is thrown for as a whole, and retried (and in the
/// end sent to the error queue).
/// </summary>
public sealed class ResponseIngest(ResponseCounter counter, AnalysisDbContext db, TimeProvider clock, ILogger<ResponseIngest> logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task IngestAsync(ResponseSource source, IReadOnlyList<ResponseMessage> messages, CancellationToken ct)
    {
        var consumer = source.Consumer;
        try
        {
            await counter.CountAsync(consumer, messages, ct);
        }
        catch (Exception ex) when (!TransientFailure.IsDatabase(ex) && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "A batch of {Count} response messages could not be counted; counting them one at a time", messages.Count);
            db.ChangeTracker.Clear();
            await CountOneAtATimeAsync(source, messages, ct);
        }
    }

    sealed record Broken(ResponseMessage Message, IReadOnlyList<(SurveyResponseSubmitted Response, Exception Error)> Errors);

    async Task CountOneAtATimeAsync(ResponseSource source, IReadOnlyList<ResponseMessage> messages, CancellationToken ct)
    {
        var consumer = source.Consumer;
        Exception? mustWait = null;
        var deferred = new List<Broken>();
        var counted = 0;
        foreach (var message in messages)
        {
            var (error, waits) = await TryCountAsync(consumer, message, ct);
            if (error is null)
            {
                counted++;
            }
            else if (!message.Packed)
            {
                if (waits) mustWait ??= error;
                else await SetAsideAsync(new(message, [(message.Responses[0], error)]));
            }
            else if (TransientFailure.IsDatabase(error) || ct.IsCancellationRequested)
            {
                mustWait ??= error;
            }
            else
            {
                var errors = new List<(SurveyResponseSubmitted, Exception)>();
                var pieceWaits = false;
                foreach (var response in message.Responses)
                {
                    var (pieceError, pieceMustWait) = await TryCountAsync(consumer, message.Piece(response), ct);
                    if (pieceError is null) counted++;
                    else if (pieceMustWait) (mustWait, pieceWaits) = (mustWait ?? pieceError, true);
                    else errors.Add((response, pieceError));
                }
                // While part of it waits, the message comes back: what cannot be counted is quarantined then, with nothing left out.
                if (!pieceWaits) await SetAsideAsync(new(message, errors));
            }
        }
        var firstError = deferred.SelectMany(b => b.Errors).Select(e => e.Error).FirstOrDefault();
        if (firstError is not null && counted == 0 && mustWait is null) ExceptionDispatchInfo.Throw(firstError);
        foreach (var b in deferred) await QuarantineAsync(source, b, ct);
        if (mustWait is not null) ExceptionDispatchInfo.Throw(mustWait);

        // Once something of the batch was counted, the batch is not failing as a whole: a broken message is set aside at once
        // (so it is quarantined by the time the messages after it are counted); before that, it waits for the verdict above.
        async Task SetAsideAsync(Broken b)
        {
            if (counted > 0) await QuarantineAsync(source, b, ct);
            else deferred.Add(b);
        }
    }

    /// <summary>Counts one message (or piece) in its own transaction: the error, if any, and whether it is one that waiting mends.</summary>
    async Task<(Exception? Error, bool MustWait)> TryCountAsync(string consumer, ResponseMessage message, CancellationToken ct)
    {
        try
        {
            await counter.CountAsync(consumer, [message], ct);
            return (null, false);
        }
        catch (Exception ex)
        {
            db.ChangeTracker.Clear();
            // Statistics in another layout are not the message's fault either: a restart rebuilds them, and the message waits.
            return (ex, ex is SurveyNotKnownYetException or CellStatisticsLayoutMismatchException || TransientFailure.IsDatabase(ex) || ct.IsCancellationRequested);
        }
    }

    /// <summary>
    /// Sets the message aside with its error, and marks it handled: a single message as it came; a split packed message as a packed
    /// message of the responses that could not be counted (its others are counted). A packed message whose every response was
    /// counted on its own (the fault was in the whole) gets only its inbox row.
    /// </summary>
    async Task QuarantineAsync(ResponseSource source, Broken broken, CancellationToken ct)
    {
        var messageId = broken.Message.MessageId!.Value;
        var (type, body, error) = broken.Message.Packed
            ? (nameof(SurveyResponsesSubmitted), JsonSerializer.Serialize(new SurveyResponsesSubmitted { Responses = [.. broken.Errors.Select(e => e.Response)] }, Json),
                PackedError(broken))
            : (nameof(SurveyResponseSubmitted), JsonSerializer.Serialize(broken.Message.Responses[0], Json), Describe(broken.Errors[0].Error));
        var quarantine = broken.Errors.Count > 0;
        if (quarantine)
            logger.LogError(broken.Errors[0].Error,
                "Response message {MessageId} ({Type}) cannot be counted and was quarantined: {Error}", messageId, type, error);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(quarantine
            ? """
              WITH inbox AS (
                  INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@id, @consumer, @now) ON CONFLICT DO NOTHING)
              INSERT INTO quarantined_messages (id, message_id, consumer, queue, message_type, content_type, body, error, quarantined_at)
              VALUES (@rowId, @id, @consumer, @queue, @type, 'application/json', @body, @error, @now) ON CONFLICT DO NOTHING
              """
            : "INSERT INTO inbox_messages (message_id, consumer, handled_at) VALUES (@id, @consumer, @now) ON CONFLICT DO NOTHING", connection);
        cmd.Parameters.AddWithValue("id", messageId);
        cmd.Parameters.AddWithValue("rowId", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("consumer", source.Consumer);
        cmd.Parameters.AddWithValue("queue", source.Queue);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("type", type);
        cmd.Parameters.AddWithValue("body", Encoding.UTF8.GetBytes(body));
        cmd.Parameters.AddWithValue("error", error);
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    static string PackedError(Broken broken)
    {
        var shown = broken.Errors.Take(5).Select(e => $"{e.Response.ResponseId}: {Describe(e.Error)}");
        return $"{broken.Errors.Count} of {broken.Message.Responses.Count} responses could not be counted (the others are). " +
               string.Join("; ", shown) + (broken.Errors.Count > 5 ? "; …" : "");
    }

    static string Describe(Exception error) => $"{error.GetType().Name}: {error.GetBaseException().Message}";
}
