using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Api.Gates;

/// <summary>Keeps this node subscribed to the gate hub, renewing well within the hub's subscription lifetime.</summary>
public sealed class GateSubscription(IClusterClient cluster, LocalGates gates, ILogger<GateSubscription> logger) : BackgroundService
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var observer = cluster.CreateObjectReference<ICampaignGateObserver>(gates);
        var hub = cluster.GetGrain<ICampaignGateHubGrain>(0);
        using var timer = new PeriodicTimer(RenewEvery);
        do
        {
            try
            {
                await hub.Subscribe(observer);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Without a subscription the node still works: gates then arrive with refusals only.
                logger.LogWarning(e, "Could not subscribe to campaign gates; retrying in {Delay}", RenewEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
