using System.Threading.Channels;
using Medborgare.FollowUp.Infrastructure;
using Medborgare.FollowUp.Model;
using Microsoft.EntityFrameworkCore;
using static Medborgare.ApiContracts.FollowUp.FollowUpErrorCodes;

namespace Medborgare.FollowUp.KeyFigures;

/// <summary>What to fetch from the Kolada-compatible base URL in one import.</summary>
public sealed record UrlImportRequest(Guid ImportId, string[] Kpis, string[] Municipalities, int[] Years);

/// <summary>
/// Runs URL imports in the background, one at a time. Progress (pages fetched, rows read) is written to the
/// import's row after every page, so any replica can report it. Values are stored only when every page has
/// been read and checked: a bad page means nothing is stored.
/// </summary>
public sealed class KeyFigureImporter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KeyFigureImporter> logger) : BackgroundService
{
    readonly Channel<UrlImportRequest> queue = Channel.CreateUnbounded<UrlImportRequest>();

    /// <summary>A page is fetched within the HttpClient's timeout; a running import without progress for this long was lost in a restart.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);
    public static readonly ImportFailure Abandoned = new(ImportAbandoned);

    public void Enqueue(UrlImportRequest request) => queue.Writer.TryWrite(request);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await MarkAbandonedAsync(stoppingToken);
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(request, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Key-figure import {ImportId} failed unexpectedly", request.ImportId);
                await FinishAsync(request.ImportId, ImportState.Failed, new ImportFailure(ImportFailedUnexpectedly), null, CancellationToken.None);
            }
        }
    }

    async Task RunAsync(UrlImportRequest request, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var kolada = scope.ServiceProvider.GetRequiredService<KoladaClient>();
        var pagesBefore = 0;
        List<KoladaKpi> kpis;
        List<KoladaValue> values;
        try
        {
            kpis = await kolada.FetchKpisAsync(kolada.KpiUrl(request.Kpis), async (pages, _) =>
            {
                pagesBefore = pages;
                await ProgressAsync(request.ImportId, pages, 0, ct);
            }, ct);
            values = await kolada.FetchValuesAsync(kolada.DataUrl(request.Kpis, request.Municipalities, request.Years),
                (pages, rows) => ProgressAsync(request.ImportId, pagesBefore + pages, rows, ct), ct);
        }
        catch (KoladaFormatException ex)
        {
            logger.LogWarning("Key-figure import {ImportId} rejected ({Code}): {Error}", request.ImportId, ex.Failure.Code, ex.Message);
            await FinishAsync(request.ImportId, ImportState.Failed, ex.Failure, null, ct);
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await KeyFigureStore.UpsertAsync(db, request.ImportId, kpis, values, clock.GetUtcNow(), ct);
        await db.KeyFigureImports.Where(i => i.Id == request.ImportId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, ImportState.Succeeded)
            .SetProperty(i => i.Rows, rows)
            .SetProperty(i => i.KpisDescribed, kpis.Count)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow()), ct);
        await tx.CommitAsync(ct);
    }

    async Task ProgressAsync(Guid id, int pages, int rows, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await db.KeyFigureImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.PagesFetched, pages)
            .SetProperty(i => i.Rows, rows)
            .SetProperty(i => i.LastProgressAt, clock.GetUtcNow()), ct);
    }

    /// <summary>Imports left running by a crashed or restarted replica are closed as failed (their values were never stored).</summary>
    async Task MarkAbandonedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            var before = clock.GetUtcNow() - AbandonedAfter;
            await db.KeyFigureImports.Where(i => i.State == ImportState.Running && i.LastProgressAt < before).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, ImportState.Failed)
                .SetProperty(i => i.Failure, Abandoned)
                .SetProperty(i => i.FinishedAt, clock.GetUtcNow()), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may not be migrated yet at start-up; readers treat stale jobs as failed anyway.
            logger.LogDebug(ex, "Could not close abandoned key-figure imports");
        }
    }

    async Task FinishAsync(Guid id, ImportState state, ImportFailure? failure, int? rows, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        await db.KeyFigureImports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, state)
            .SetProperty(i => i.Failure, failure)
            .SetProperty(i => i.Rows, i => rows ?? i.Rows)
            .SetProperty(i => i.FinishedAt, clock.GetUtcNow()), ct);
    }
}
