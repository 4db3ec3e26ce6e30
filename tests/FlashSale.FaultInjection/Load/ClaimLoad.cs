namespace FlashSale.FaultInjection.Load;

/// <summary>
/// Closed-loop shoppers racing for coupons until told to stop: fresh claims on the raced campaigns (a
/// fifth on the scarce one) and on the ones marketing controls; a tenth sent again with an
/// acknowledged claim's key, which must bring back the same coupon; and some fresh claims sent to
/// both API nodes at once, as an impatient app would. Every request and its outcome goes into the history.
/// </summary>
public sealed class ClaimLoad(ClaimClient client, Shoppers shoppers, Sale sale, ClaimHistory history, string run)
{
    private const double ReplayShare = 0.1;
    private const double TwinShare = 0.05;
    private const double ScarceShare = 0.2;
    private const double ControlledShare = 0.06;
    private long _keys;

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker, stop))));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker * 7919 + 1);
        while (!stop.IsCancellationRequested)
        {
            if ((random.NextDouble() < ReplayShare ? history.AnyAcknowledged(random) : null) is { } earlier)
            {
                history.Add(await client.SendAsync(earlier.Request with { IsReplay = true }, random.Next(client.Nodes)));
            }
            else if (random.NextDouble() < TwinShare)
            {
                var claim = Fresh(random);
                foreach (var attempt in await Task.WhenAll(client.SendAsync(claim, 0), client.SendAsync(claim, 1)))
                {
                    history.Add(attempt);
                }
            }
            else
            {
                history.Add(await client.SendAsync(Fresh(random), random.Next(client.Nodes)));
            }
        }
    }

    private ClaimRequest Fresh(Random random)
    {
        var (shopper, device) = shoppers.Pick(random);
        var draw = random.NextDouble();
        var controlled = sale.Controlled.All;
        var campaign = draw < ScarceShare ? sale.Scarce
            : draw < ScarceShare + controlled.Count * ControlledShare ? controlled[(int)((draw - ScarceShare) / ControlledShare)]
            : sale.Plenty;
        return new ClaimRequest(campaign.Id, shopper, device, $"key-{run}-{Interlocked.Increment(ref _keys)}", IsReplay: false);
    }
}
