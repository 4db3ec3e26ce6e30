namespace FlashSale.FaultInjection.Load;

/// <summary>Waits for something the run does (answers counted, a fault struck) by looking every tenth of a second.</summary>
public static class Waiting
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <returns>False if <paramref name="stop"/> came first.</returns>
    public static async Task<bool> UntilAsync(Func<bool> condition, CancellationToken stop)
    {
        while (!condition())
        {
            if (stop.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(Poll, CancellationToken.None);
        }

        return true;
    }
}
