using System.Collections.Concurrent;

namespace Medborgare.Collection.Answering;

public sealed class CodeThrottleOptions
{
    /// <summary>Wrong codes one client may enter within <see cref="Window"/>.</summary>
    public int PerClientLimit { get; set; } = 10;
    /// <summary>Wrong codes from all clients together within <see cref="Window"/>, before every lookup waits.</summary>
    public int GlobalLimit { get; set; } = 2000;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows code guessing: counts wrong codes per client and in total over a sliding window. With 69 bits per
/// code, these limits make guessing any valid code hopeless. Per replica: with several replicas the
/// limits multiply by their number, which still leaves guessing hopeless.
/// </summary>
public sealed class CodeGuessThrottle(TimeProvider clock, Microsoft.Extensions.Options.IOptions<CodeThrottleOptions> options)
{
    readonly CodeThrottleOptions options = options.Value;
    readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> perClient = new();
    readonly ConcurrentQueue<DateTimeOffset> global = new();

    /// <summary>How long the client must wait before the next attempt, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        var now = clock.GetUtcNow();
        if (Trim(global, now) >= options.GlobalLimit) return Wait(global, now);
        if (perClient.TryGetValue(client, out var mine) && Trim(mine, now) >= options.PerClientLimit) return Wait(mine, now);
        return null;
    }

    public void RecordFailure(string client)
    {
        var now = clock.GetUtcNow();
        perClient.GetOrAdd(client, _ => new ConcurrentQueue<DateTimeOffset>()).Enqueue(now);
        global.Enqueue(now);
        if (perClient.Count > 100_000) Sweep(now);
    }

    int Trim(ConcurrentQueue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.TryPeek(out var oldest) && oldest <= now - options.Window) failures.TryDequeue(out _);
        return failures.Count;
    }

    TimeSpan Wait(ConcurrentQueue<DateTimeOffset> failures, DateTimeOffset now) =>
        failures.TryPeek(out var oldest) ? oldest + options.Window - now : options.Window;

    void Sweep(DateTimeOffset now)
    {
        foreach (var (client, failures) in perClient)
        {
            if (Trim(failures, now) == 0) perClient.TryRemove(client, out _);
        }
    }
}
