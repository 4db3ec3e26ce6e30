using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.GrainInterfaces.Live;

/// <summary>What the cluster publishes to API nodes: campaign gates for their local refusals, and what their SignalR connections are told.</summary>
public interface ILiveEvents
{
    [Alias("GateChanged"), OneWay]
    Task GateChanged(CampaignGate gate);

    [Alias("Inventory"), OneWay]
    Task Inventory(InventorySnapshot snapshot);

    [Alias("StateChanged"), OneWay]
    Task StateChanged(StateChange change);

    [Alias("OperatorAlert"), OneWay]
    Task OperatorAlert(OperatorAlert alert);

    /// <summary>Every node gets every shopper's alerts: a node knows only its own connections, and sends to those.</summary>
    [Alias("ShopperAlerts"), OneWay]
    Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts);
}

/// <summary>An API node, receiving the live events.</summary>
[Alias("FlashSale.ILiveObserver")]
public interface ILiveObserver : ILiveEvents, IGrainObserver
{
    /// <summary>
    /// The latest snapshots of many campaigns at once, as a silo sends them (<c>InventoryBatches</c>):
    /// for nodes that subscribed with <see cref="ILiveHubGrain.SubscribeForBatches"/>.
    /// </summary>
    [Alias("Inventories"), OneWay]
    Task Inventories(ImmutableArray<InventorySnapshot> snapshots);
}
