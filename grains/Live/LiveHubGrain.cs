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
    private readonly ObserverManager<ILiveObserver> _nodes = new(options.Value.NodeLifetime, logger);

    public Task Subscribe(ILiveObserver node)
    {
        _nodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task GateChanged(CampaignGate gate)
    {
        _ = _nodes.Notify(node => node.GateChanged(gate));
        return Task.CompletedTask;
    }

    public Task Inventory(InventorySnapshot snapshot)
    {
        _ = _nodes.Notify(node => node.Inventory(snapshot));
        return Task.CompletedTask;
    }

    public Task StateChanged(StateChange change)
    {
        _ = _nodes.Notify(node => node.StateChanged(change));
        return Task.CompletedTask;
    }

    public Task OperatorAlert(OperatorAlert alert)
    {
        _ = _nodes.Notify(node => node.OperatorAlert(alert));
        return Task.CompletedTask;
    }

    public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts)
    {
        _ = _nodes.Notify(node => node.ShopperAlerts(alerts));
        return Task.CompletedTask;
    }
}
