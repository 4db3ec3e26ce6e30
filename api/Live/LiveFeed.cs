using System.Collections.Immutable;
using FlashSale.Api.Gates;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace FlashSale.Api.Live;

/// <summary>This node's observer: what the cluster publishes, sent to this node's own connections.</summary>
public sealed class LiveFeed(IHubContext<LiveHub> hub, LocalGates gates) : ILiveObserver
{
    public Task GateChanged(CampaignGate gate)
    {
        gates.Learn(gate);
        return Task.CompletedTask;
    }

    public Task Inventory(InventorySnapshot snapshot) =>
        hub.Clients.Group(LiveGroups.Campaign(snapshot.CampaignId)).SendAsync("inventory", snapshot);

    public Task StateChanged(StateChange change) =>
        hub.Clients.Group(LiveGroups.Campaign(change.CampaignId)).SendAsync("stateChanged", change);

    public Task OperatorAlert(OperatorAlert alert) => hub.Clients.Group(LiveGroups.Operators).SendAsync("alert", alert);

    public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts) =>
        Task.WhenAll(alerts.Select(a => hub.Clients.Group(LiveGroups.Shopper(a.ShopperId)).SendAsync("expiryAlert", a.Alert)));
}

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
