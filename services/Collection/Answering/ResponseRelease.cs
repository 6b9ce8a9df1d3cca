using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using MassTransit;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Medborgare.Collection.Answering;

public sealed class ResponseReleaseOptions
{
    /// <summary>How long a submit waits for its response to be sent before it answers anyway (the mark keeps the response).</summary>
    public TimeSpan WaitForRelease { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How often responses left waiting (broker away, a crash between sending and clearing) are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>A response waiting this long is the sweep's; younger ones are on their way through this or another replica.</summary>
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 500;
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// The answered flags go to Distribution at the next multiple of this interval after their responses were sent, all of an
    /// interval's together: Distribution learns that an invitation was answered within the interval, never which response it gave.
    /// Reminders need the day, not the minute.
    /// </summary>
    public TimeSpan AnsweredFlagsEvery { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A submitted response on its way out: the mark that holds it, the invitation's code hash for the answered flag, the message.</summary>
public sealed record PendingResponse(Guid InvitationId, string CodeHash, SurveyResponseSubmitted Message, string? TraceParent);

/// <summary>
/// Sends submitted responses to Analysis in rounds: whatever was submitted since the last round goes out together, in random order,
/// one <see cref="SurveyResponsesSubmitted"/> per survey, with publisher confirms. Then, in one transaction, the responses are
/// cleared from their submission marks and the round's answered flags are queued in the outbox to leave later (see
/// <see cref="ResponseReleaseOptions.AnsweredFlagsEvery"/>). A response sent twice (a crash after sending, before clearing) is
/// counted once: Analysis knows it by its id. This is the submission's outbox, without a row of its own.
/// </summary>
public sealed class ResponseRelease(IServiceScopeFactory scopes, IBus bus, IOptions<ResponseReleaseOptions> options, TimeProvider clock,
    ILogger<ResponseRelease> logger) : BackgroundService
{
    readonly ResponseReleaseOptions options = options.Value;
    readonly Channel<(PendingResponse Response, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(PendingResponse, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Hands a pending response to the next round and waits (a while) until it has been sent.</summary>
    public async Task ReleaseAsync(PendingResponse response, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite((response, done));
        try
        {
            await done.Task.WaitAsync(options.WaitForRelease, clock, ct);
        }
        catch (TimeoutException)
        {
            // Durable in its mark: the sweep sends it once the broker confirms again.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sinceSweep = Stopwatch.StartNew();
        var sweepDue = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (sweepDue)
                {
                    while (await SweepAsync(stoppingToken) == options.BatchSize) { }
                    sinceSweep.Restart();
                    sweepDue = false;
                }
                if (!await WaitForWorkAsync(options.SweepInterval - sinceSweep.Elapsed, stoppingToken))
                {
                    sweepDue = true;
                    continue;
                }
                var round = new List<(PendingResponse Response, TaskCompletionSource Done)>();
                while (round.Count < options.BatchSize && queue.Reader.TryRead(out var item)) round.Add(item);
                await ReleaseRoundAsync(round, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Releasing submitted responses failed; the sweep sends them later");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>True when responses are queued; false when <paramref name="within"/> passed first (time to sweep).</summary>
    async Task<bool> WaitForWorkAsync(TimeSpan within, CancellationToken ct)
    {
        if (within <= TimeSpan.Zero) return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(within);
        try
        {
            return await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    async Task ReleaseRoundAsync(List<(PendingResponse Response, TaskCompletionSource Done)> round, CancellationToken ct)
    {
        try
        {
            var responses = round.Select(r => r.Response).ToArray();
            await PublishShuffledAsync(responses, ct);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ClearAndFlagAsync(db, responses, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            // Sent or not, the submit need not wait any longer: what was not sent still waits in its mark, and the sweep has it.
            foreach (var (_, done) in round) done.TrySetResult();
        }
    }

    /// <summary>Sends responses that no round took (the broker was away, or the process stopped between sending and clearing).</summary>
    async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = clock.GetUtcNow() - options.SweepAfter;
        var left = await (
                from s in db.Submissions.FromSql($"""
                    SELECT * FROM submissions WHERE pending_since IS NOT NULL AND pending_since < {before}
                    LIMIT {options.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                join i in db.Invitations on s.InvitationId equals i.Id
                select new { Mark = s, i.SurveyId, i.CodeHash, i.District, i.Sex, i.AgeGroup })
            .AsNoTracking().ToListAsync(ct);
        if (left.Count == 0) return 0;

        var responses = left.Select(x => new PendingResponse(x.Mark.InvitationId, x.CodeHash, new SurveyResponseSubmitted
        {
            ResponseId = x.Mark.PendingResponseId!.Value, SurveyId = x.SurveyId, SubmittedOn = x.Mark.SubmittedOn,
            Channel = Enum.Parse<ResponseChannel>(x.Mark.PendingChannel!), Answers = StoredJson.Answers(x.Mark.PendingAnswers!),
            Stratum = new Stratum { District = x.District, Sex = x.Sex, AgeGroup = x.AgeGroup },
        }, x.Mark.PendingTraceParent)).ToArray();
        await PublishShuffledAsync(responses, ct);
        await ClearAndFlagAsync(db, responses, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Sent {Count} submitted responses that were left waiting", responses.Length);
        return responses.Length;
    }

    /// <summary>
    /// Clears the sent responses from their marks with one statement, and queues each survey's answered flags as one outbox
    /// message that leaves at the next multiple of <see cref="ResponseReleaseOptions.AnsweredFlagsEvery"/>.
    /// </summary>
    async Task ClearAndFlagAsync(CollectionDbContext db, PendingResponse[] sent, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var clear = new NpgsqlCommand("""
            UPDATE submissions SET pending_answers = NULL, pending_response_id = NULL, pending_channel = NULL,
                                   pending_trace_parent = NULL, pending_since = NULL
            WHERE invitation_id = ANY(@ids)
            """, connection))
        {
            clear.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = sent.Select(r => r.InvitationId).ToArray() });
            await clear.ExecuteNonQueryAsync(ct);
        }
        var every = options.AnsweredFlagsEvery.Ticks;
        var leaves = new DateTimeOffset((clock.GetUtcNow().UtcTicks / every + 1) * every, TimeSpan.Zero);
        foreach (var survey in sent.GroupBy(r => r.Message.SurveyId))
        {
            var hashes = survey.Select(r => r.CodeHash).ToArray();
            RandomNumberGenerator.Shuffle(hashes.AsSpan());
            db.AddToOutbox(new InvitationsAnswered { SurveyId = survey.Key, CodeHashes = hashes }, clock, notBefore: leaves);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One message per survey, its responses in random order, with publisher confirms; throws unless every one was confirmed.</summary>
    async Task PublishShuffledAsync(PendingResponse[] responses, CancellationToken ct)
    {
        RandomNumberGenerator.Shuffle(responses.AsSpan());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        await Task.WhenAll(responses.GroupBy(r => r.Message.SurveyId).Select(survey => PublishAsync([.. survey], timeout.Token)));
    }

    async Task PublishAsync(PendingResponse[] responses, CancellationToken ct)
    {
        // The round continues the trace of its first submit; the others are linked, so each submit's trace finds the message.
        ActivityContext.TryParse(responses[0].TraceParent, null, out var parent);
        var links = responses.Skip(1)
            .Select(r => ActivityContext.TryParse(r.TraceParent, null, out var context) ? new ActivityLink(context) : default)
            .Where(l => l.Context != default).ToList();
        using var activity = Telemetry.ActivitySource.StartActivity(ActivityKind.Producer, parent, links: links, name: "collection release responses");
        activity?.SetTag("medborgare.responses", responses.Length);
        await bus.Publish(new SurveyResponsesSubmitted { Responses = [.. responses.Select(r => r.Message)] }, ct);
    }
}
