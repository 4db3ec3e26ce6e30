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
