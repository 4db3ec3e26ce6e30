using FlashSale.Grains.Ledger;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// Reads from the ledger the shoppers a campaign activation does not hold in memory, many per read:
/// the shoppers asked for while a read is in flight wait for the next one, as claims wait for the
/// next group commit. Runs on its grain's turns (<paramref name="known"/> is called on one).
/// </summary>
/// <param name="read">One indexed read of these shoppers' coupons and receipts on the campaign.</param>
/// <param name="known">Takes the read shoppers into memory.</param>
internal sealed class ShopperLookups(Func<IReadOnlyCollection<string>, Task<LedgerShoppers>> read, Action<IReadOnlyCollection<string>, LedgerShoppers> known)
{
    private Dictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);
    private Dictionary<string, TaskCompletionSource> _reading = new(StringComparer.Ordinal);
    private Task _reader = Task.CompletedTask;

    /// <summary>Completes once the shopper has been read into memory; faults if the read failed.</summary>
    public Task ReadAsync(string shopperId)
    {
        if (_reading.TryGetValue(shopperId, out var pending) || _next.TryGetValue(shopperId, out pending))
        {
            return pending.Task;
        }

        pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _next[shopperId] = pending;
        if (_reader.IsCompleted)
        {
            _reader = ReadRoundsAsync();
        }

        return pending.Task;
    }

    private async Task ReadRoundsAsync()
    {
        // Let the claims already in the mailbox ask before the first read starts.
        await Task.Yield();
        while (_next.Count > 0)
        {
            (_reading, _next) = (_next, _reading);
            try
            {
                var rows = await read(_reading.Keys);
                ShopperReadMetrics.ReadShoppers(_reading.Count);
                known(_reading.Keys, rows);
                foreach (var waiting in _reading.Values)
                {
                    waiting.TrySetResult();
                }
            }
            catch (Exception e)
            {
                foreach (var waiting in _reading.Values)
                {
                    waiting.TrySetException(e);
                }
            }

            _reading.Clear();
        }
    }
}
