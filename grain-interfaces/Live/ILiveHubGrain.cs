using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// The API nodes' live observers (key 0): each node subscribes and renews; grains publish the live
/// events here and every node gets them for its own connections, with no backplane. A node that
/// stops renewing is dropped.
/// </summary>
[Alias("FlashSale.ILiveHubGrain")]
public interface ILiveHubGrain : ILiveEvents, IGrainWithIntegerKey
{
    /// <summary>Subscribes a node that takes snapshots one at a time (an API node of the release before batches).</summary>
    [Alias("Subscribe")]
    Task Subscribe(ILiveObserver node);

    /// <summary>Subscribes a node that takes snapshots in batches (<see cref="ILiveObserver.Inventories"/>).</summary>
    [Alias("SubscribeForBatches")]
    Task SubscribeForBatches(ILiveObserver node);

    /// <summary>
    /// The latest snapshots of a silo's campaigns, sent together every few milliseconds rather than
    /// one call per campaign. Not one-way, so that a silo whose hub lacks it (during a rolling
    /// upgrade) hears so and sends them one at a time.
    /// </summary>
    [Alias("Inventories")]
    Task Inventories(ImmutableArray<InventorySnapshot> snapshots);
}
