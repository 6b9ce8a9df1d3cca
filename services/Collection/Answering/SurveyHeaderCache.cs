using Medborgare.Collection.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Medborgare.Collection.Answering;

/// <summary>
/// The headers and code salts of the surveys that have issued codes, which every code lookup needs. They change only
/// when invitations are issued or a survey closes: this process's consumers drop the cache when they commit, and it
/// expires after a few seconds, so a change made through another replica is seen soon too.
/// </summary>
public sealed class SurveyHeaderCache(TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    sealed record Snapshot(IReadOnlyList<SurveyHeader> Headers, DateTimeOffset LoadedAt);

    volatile Snapshot? current;
    long generation;

    public async Task<IReadOnlyList<SurveyHeader>> GetAsync(CollectionDbContext db, CancellationToken ct)
    {
        if (current is { } snapshot && clock.GetUtcNow() - snapshot.LoadedAt < Lifetime) return snapshot.Headers;
        var loading = Interlocked.Read(ref generation);
        var headers = await db.Surveys.AsNoTracking().Where(s => s.CodeSalt != null)
            .Select(s => new SurveyHeader(s.SurveyId, s.Year, s.TitleSv, s.TitleEn, s.CodeSalt!, s.ClosedAt)).ToListAsync(ct);
        // A change committed while this was loading may be missing from it: use it once, but do not keep it.
        if (Interlocked.Read(ref generation) == loading) current = new Snapshot(headers, clock.GetUtcNow());
        return headers;
    }

    /// <summary>Called after a change to the surveys' salts or closing is committed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }
}
