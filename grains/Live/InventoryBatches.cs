using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Live;
using Microsoft.Extensions.Logging;

namespace FlashSale.Grains.Live;

/// <summary>
/// The silo's campaigns' snapshots, on their way to the live hub: each campaign's latest is kept and
/// they go together, one call every <see cref="Window"/>, rather than one call per campaign every
/// 200 ms. With a thousand campaigns selling at once that was 5,000 hub calls a second, and as many
/// on to every API node: more messages than claims (BENCHMARKS.md, E2).
/// </summary>
public sealed class InventoryBatches(ILiveHubGrain hub, TimeProvider clock, ILogger<InventoryBatches> logger)
{
    /// <summary>How long a snapshot waits for others: what batching adds to a dashboard's delay.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private Dictionary<Guid, InventorySnapshot> _waiting = [];
    private ITimer? _sendTimer;

    /// <summary>Queues the snapshot; one of the same campaign still waiting is replaced, being older.</summary>
    public void Publish(InventorySnapshot snapshot)
    {
        lock (_lock)
        {
            _waiting[snapshot.CampaignId] = snapshot;
            _sendTimer ??= clock.CreateTimer(_ => _ = SendAsync(), null, Window, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// A state change goes to the hub at once, ahead of a snapshot of the campaign still waiting here:
    /// that snapshot takes the new state, so that it cannot undo the change on a dashboard.
    /// </summary>
    public void Restate(Guid campaignId, string state)
    {
        lock (_lock)
        {
            if (_waiting.TryGetValue(campaignId, out var waiting))
            {
                _waiting[campaignId] = waiting with { State = state };
            }
        }
    }

    private async Task SendAsync()
    {
        ImmutableArray<InventorySnapshot> batch;
        lock (_lock)
        {
            batch = [.. _waiting.Values];
            _waiting = [];
            _sendTimer?.Dispose();
            _sendTimer = null;
        }

        try
        {
            await hub.Inventories(batch);
        }
        catch (Exception e)
        {
            // A hub of the release before batches (a rolling upgrade) takes them one at a time.
            InventoryBatchesLog.BatchRefused(logger, e, batch.Length);
            foreach (var snapshot in batch)
            {
                hub.Inventory(snapshot).Ignore();
            }
        }
    }
}

internal static partial class InventoryBatchesLog
{
    [LoggerMessage(EventId = 2031, Level = LogLevel.Debug, Message = "The live hub refused a batch of {Count} snapshots; sent one at a time")]
    public static partial void BatchRefused(ILogger logger, Exception exception, int count);
}
