namespace FlashSale.FaultInjection.Load;

/// <summary>
/// What a client does with a request whose outcome it did not learn: sends it again, the same, to
/// the next API node, until it is answered (a 2xx or a 4xx) or the deadline passes.
/// </summary>
public static class Answering
{
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(250);

    /// <param name="sent">Every attempt, the unknown ones included, as it is made (for the history).</param>
    /// <returns>The answer, or null if none came by <paramref name="deadline"/>.</returns>
    public static async Task<T?> UntilAnsweredAsync<T>(Func<int, Task<T>> send, Func<T, Outcome> outcome, int node, DateTime deadline,
        Action<T>? sent = null) where T : class
    {
        while (DateTime.UtcNow < deadline)
        {
            var attempt = await send(node++);
            sent?.Invoke(attempt);
            if (outcome(attempt) != Outcome.Unknown)
            {
                return attempt;
            }

            await Task.Delay(Backoff);
        }

        return null;
    }
}
