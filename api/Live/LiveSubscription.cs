using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Api.Live;

/// <summary>Keeps this node subscribed to the live hub grain, renewing well within its lifetime.</summary>
public sealed class LiveSubscription(IClusterClient cluster, LiveFeed feed, ILogger<LiveSubscription> logger) : BackgroundService
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var observer = cluster.CreateObjectReference<ILiveObserver>(feed);
        using var timer = new PeriodicTimer(RenewEvery);
        do
        {
            try
            {
                await cluster.GetGrain<ILiveHubGrain>(0).Subscribe(observer);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Without a subscription the node still works: gates then arrive with refusals only.
                logger.LogWarning(e, "Could not subscribe to the live feed; retrying in {Delay}", RenewEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
