using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using MassTransit;
using Medborgare.Collection.Infrastructure;
using Medborgare.Contracts;
using Medborgare.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medborgare.Collection.Answering;

public sealed class ResponseReleaseOptions
{
    /// <summary>How long a submit waits for its response to be sent before it answers anyway (the sealed draft keeps it).</summary>
    public TimeSpan WaitForRelease { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How often sealed drafts left behind (broker away, a crash between sending and deleting) are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>A sealed draft this old is the sweep's; younger ones are still on their way through this or another replica.</summary>
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 500;
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>A submitted response on its way out: the draft it is sealed in, and the message to send.</summary>
public sealed record SealedResponse(Guid InvitationId, Guid ResponseId, SurveyResponseSubmitted Message, string? TraceParent);

/// <summary>
/// Sends sealed drafts to Analysis as SurveyResponseSubmitted and then deletes them, in shuffled rounds: whatever was submitted
/// since the last round goes out together, in random order. The message's id is the response's id, so a response sent twice (a
/// crash after sending, before deleting) is counted once. This is the outbox of a submission: the sealed draft is written in the
/// submission's own statement, and a response leaves the database only when the broker has confirmed it.
/// </summary>
public sealed class ResponseRelease(IServiceScopeFactory scopes, IBus bus, IOptions<ResponseReleaseOptions> options, TimeProvider clock,
    ILogger<ResponseRelease> logger) : BackgroundService
{
    readonly ResponseReleaseOptions options = options.Value;
    readonly Channel<(SealedResponse Response, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(SealedResponse, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Hands a sealed response to the next round and waits (a while) until it has been sent.</summary>
    public async Task ReleaseAsync(SealedResponse response, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite((response, done));
        try
        {
            await done.Task.WaitAsync(options.WaitForRelease, clock, ct);
        }
        catch (TimeoutException)
        {
            // Durable in its sealed draft: the sweep sends it once the broker confirms again.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = TimeSpan.Zero;
        var sinceSweep = Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (sinceSweep.Elapsed >= nextSweep)
                {
                    while (await SweepAsync(stoppingToken) == options.BatchSize) { }
                    sinceSweep.Restart();
                    nextSweep = options.SweepInterval;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(nextSweep - sinceSweep.Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
                try
                {
                    if (!await queue.Reader.WaitToReadAsync(wait.Token)) return;
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue;
                }
                var round = new List<(SealedResponse Response, TaskCompletionSource Done)>();
                while (round.Count < options.BatchSize && queue.Reader.TryRead(out var item)) round.Add(item);
                await ReleaseRoundAsync(round, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Releasing sealed responses failed; the sweep sends them later");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    async Task ReleaseRoundAsync(List<(SealedResponse Response, TaskCompletionSource Done)> round, CancellationToken ct)
    {
        try
        {
            var responses = round.Select(r => r.Response).ToArray();
            await PublishShuffledAsync(responses, ct);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
            var ids = responses.Select(r => r.InvitationId).ToArray();
            await db.Drafts.Where(d => ids.Contains(d.InvitationId) && d.Sealed).ExecuteDeleteAsync(ct);
        }
        finally
        {
            // Sent or not, the submit need not wait any longer: what was not sent is still sealed, and the sweep has it.
            foreach (var (_, done) in round) done.TrySetResult();
        }
    }

    /// <summary>Sends sealed drafts that no round took (the broker was away, or the process stopped between sending and deleting).</summary>
    async Task<int> SweepAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = clock.GetUtcNow() - options.SweepAfter;
        var left = await (
                from d in db.Drafts.FromSql($"SELECT * FROM drafts WHERE sealed AND updated_at < {before} LIMIT {options.BatchSize} FOR UPDATE SKIP LOCKED")
                join i in db.Invitations on d.InvitationId equals i.Id
                select new { Draft = d, i.SurveyId, i.District, i.Sex, i.AgeGroup })
            .AsNoTracking().ToListAsync(ct);
        if (left.Count == 0) return 0;

        var responses = left.Select(x => new SealedResponse(x.Draft.InvitationId, x.Draft.ResponseId!.Value, new SurveyResponseSubmitted
        {
            ResponseId = x.Draft.ResponseId.Value, SurveyId = x.SurveyId, SubmittedOn = x.Draft.SubmittedOn!.Value,
            Channel = Enum.Parse<ResponseChannel>(x.Draft.Channel!), Answers = StoredJson.Answers(x.Draft.Answers),
            Stratum = new Stratum { District = x.District, Sex = x.Sex, AgeGroup = x.AgeGroup },
        }, x.Draft.TraceParent)).ToArray();
        await PublishShuffledAsync(responses, ct);
        var ids = responses.Select(r => r.InvitationId).ToArray();
        await db.Drafts.Where(d => ids.Contains(d.InvitationId)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Sent {Count} sealed responses that were left waiting", responses.Length);
        return responses.Length;
    }

    /// <summary>Publishes in random order, with publisher confirms; throws unless the broker confirmed every one.</summary>
    async Task PublishShuffledAsync(SealedResponse[] responses, CancellationToken ct)
    {
        RandomNumberGenerator.Shuffle(responses.AsSpan());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        await Task.WhenAll(responses.Select(r => PublishAsync(r, timeout.Token)));
    }

    async Task PublishAsync(SealedResponse response, CancellationToken ct)
    {
        // Continue the trace of the submit, so one trace spans the broker hop.
        ActivityContext.TryParse(response.TraceParent, null, out var parent);
        using var activity = Telemetry.ActivitySource.StartActivity("collection release response", ActivityKind.Producer, parent);
        await bus.Publish(response.Message, ctx => ctx.MessageId = response.ResponseId, ct);
    }
}
