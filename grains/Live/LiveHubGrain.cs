using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace FlashSale.Grains.Live;

/// <summary>Forwards what campaigns publish (gates, snapshots, state changes, alerts) to every subscribed API node.</summary>
[Reentrant]
public sealed class LiveHubGrain(IOptions<LiveHubOptions> options, ILogger<LiveHubGrain> logger) : Grain, ILiveHubGrain
{
    // A node that stops renewing (because it died) is dropped once its subscription is older than the lifetime.
    // Notifications are not awaited: a campaign's call returns at once, however slow a node is to take it;
    // the manager drops a node whose call fails rather than throwing.
    private readonly ObserverManager<ILiveObserver> _batchedNodes = new(options.Value.NodeLifetime, logger);

    // API nodes of the release before batches, during a rolling upgrade: they take snapshots one call each.
    private readonly ObserverManager<ILiveObserver> _singleNodes = new(options.Value.NodeLifetime, logger);

    public Task Subscribe(ILiveObserver node)
    {
        _singleNodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task SubscribeForBatches(ILiveObserver node)
    {
        _batchedNodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task Inventories(ImmutableArray<InventorySnapshot> snapshots)
    {
        _ = _batchedNodes.Notify(node => node.Inventories(snapshots));
        if (_singleNodes.Count > 0)
        {
            foreach (var snapshot in snapshots)
            {
                _ = _singleNodes.Notify(node => node.Inventory(snapshot));
            }
        }

        return Task.CompletedTask;
    }

    // From silos of the release before batches, during a rolling upgrade.
    public Task Inventory(InventorySnapshot snapshot) => NotifyAll(node => node.Inventory(snapshot));

    public Task GateChanged(CampaignGate gate) => NotifyAll(node => node.GateChanged(gate));

    public Task StateChanged(StateChange change) => NotifyAll(node => node.StateChanged(change));

    public Task OperatorAlert(OperatorAlert alert) => NotifyAll(node => node.OperatorAlert(alert));

    public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts) => NotifyAll(node => node.ShopperAlerts(alerts));

    private Task NotifyAll(Func<ILiveObserver, Task> send)
    {
        _ = _batchedNodes.Notify(send);
        _ = _singleNodes.Notify(send);
        return Task.CompletedTask;
    }
}
