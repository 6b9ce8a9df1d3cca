namespace Medborgare.DemoSeeder;

/// <summary>Waiting for the message path to catch up.</summary>
static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> probe, TimeSpan timeout, CancellationToken ct,
        bool throwOnTimeout = true, Func<string>? onTimeout = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                if (!throwOnTimeout) return;
                throw new TimeoutException(onTimeout?.Invoke() ?? $"Not ready within {timeout.TotalSeconds:0} s");
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
