namespace Medborgare.Testing;

/// <summary>
/// Polls for a condition that a message will make true, with a deadline instead of a sleep. The default deadline is
/// generous: a passing test returns as soon as the condition holds, and CI machines can be slow while services start.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}");
            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null) =>
        await GetAsync<object>(async () => await probe() ? new object() : null, timeout, what);
}
