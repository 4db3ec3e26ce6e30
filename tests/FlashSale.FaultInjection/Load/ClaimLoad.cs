namespace FlashSale.FaultInjection.Load;

/// <summary>
/// Closed-loop shoppers racing for coupons until told to stop: fresh claims on both campaigns (a fifth
/// on the scarce one), and a tenth sent again with an acknowledged claim's key, which must bring back
/// the same coupon. Every request and its outcome goes into the history.
/// </summary>
public sealed class ClaimLoad(ClaimClient client, Shoppers shoppers, Sale sale, ClaimHistory history, string run)
{
    private const double ReplayShare = 0.1;
    private const double ScarceShare = 0.2;
    private long _keys;

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker, stop))));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker * 7919 + 1);
        while (!stop.IsCancellationRequested)
        {
            var claim = (random.NextDouble() < ReplayShare ? history.AnyAcknowledged(random) : null) is { } earlier
                ? earlier.Request with { IsReplay = true }
                : Fresh(random);
            history.Add(await client.SendAsync(claim, random.Next(client.Nodes)));
        }
    }

    private ClaimRequest Fresh(Random random)
    {
        var (shopper, device, index) = shoppers.Pick(random);
        var campaign = random.NextDouble() < ScarceShare ? sale.Scarce : sale.Plenty;
        return new ClaimRequest(campaign.Id, shopper, index, device, $"key-{run}-{Interlocked.Increment(ref _keys)}", IsReplay: false);
    }
}
