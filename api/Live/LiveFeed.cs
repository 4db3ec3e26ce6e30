using System.Collections.Immutable;
using FlashSale.Api.Gates;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace FlashSale.Api.Live;

/// <summary>
/// This node's observer: what the cluster publishes, handed to this node's own connections. Orleans
/// delivers an observer's calls one at a time, each once the last one's task has completed, so no
/// call here waits for SignalR to write: a group send completes only when every member has taken the
/// message, and one connection that stopped reading (its buffer full) would hold up every later
/// snapshot, gate and alert for every connection on the node. SignalR keeps each connection's
/// messages in order, and closes one that takes none for long (its transport's send timeout, or a
/// long-polling client's disconnect timeout), which ends the sends queued for it.
/// </summary>
public sealed class LiveFeed(IHubContext<LiveHub> hub, LocalGates gates, ILogger<LiveFeed> logger) : ILiveObserver
{
    public Task GateChanged(CampaignGate gate)
    {
        gates.Learn(gate);
        return Task.CompletedTask;
    }

    public Task Inventory(InventorySnapshot snapshot) => Send(LiveGroups.Campaign(snapshot.CampaignId), "inventory", snapshot);

    public Task Inventories(ImmutableArray<InventorySnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            _ = Inventory(snapshot);
        }

        return Task.CompletedTask;
    }

    public Task StateChanged(StateChange change) => Send(LiveGroups.Campaign(change.CampaignId), "stateChanged", change);

    public Task OperatorAlert(OperatorAlert alert) => Send(LiveGroups.Operators, "alert", alert);

    public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts)
    {
        foreach (var alert in alerts)
        {
            _ = Send(LiveGroups.Shopper(alert.ShopperId), "expiryAlert", alert.Alert);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the group send and returns at once; a send that fails is only logged (its connection is gone).</summary>
    private Task Send(string group, string method, object message)
    {
        var sending = hub.Clients.Group(group).SendAsync(method, message);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = sending.ContinueWith(static (failed, state) => LiveFeedLog.SendFailed((ILogger)state!, failed.Exception),
                logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }
}

internal static partial class LiveFeedLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "A live message could not be sent")]
    public static partial void SendFailed(ILogger logger, Exception? exception);
}
