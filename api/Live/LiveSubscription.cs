using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Api.Live;

/// <summary>
/// Keeps this node subscribed to the live hub grain, renewing every <c>LiveHub:RenewEvery</c> (20 s),
/// well within the lifetime after which the silo drops a node (<c>LiveHub:NodeLifetime</c>, 1 min).
/// </summary>
public sealed class LiveSubscription(IClusterClient cluster, LiveFeed feed, IConfiguration configuration, ILogger<LiveSubscription> logger)
    : BackgroundService
{
    private readonly TimeSpan _renewEvery = configuration.GetValue("LiveHub:RenewEvery", TimeSpan.FromSeconds(20));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var observer = cluster.CreateObjectReference<ILiveObserver>(feed);
        using var timer = new PeriodicTimer(_renewEvery);
        do
        {
            try
            {
                await cluster.GetGrain<ILiveHubGrain>(0).Subscribe(observer);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Without a subscription the node still works: gates then arrive with refusals only.
                logger.LogWarning(e, "Could not subscribe to the live feed; retrying in {Delay}", _renewEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
