using System.Collections.Concurrent;
using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using FlashSale.Grains.Live;
using FlashSale.Silo;
using FlashSale.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace FlashSale.Tests.Grains;

/// <summary>The live hub grain's subscriptions, on an in-process cluster whose nodes live two seconds without renewing.</summary>
[Trait("Tier", "Integration")]
public sealed class LiveHubGrainTests : IAsyncLifetime
{
    // Long enough that a renewal every tenth of it survives a starved CI machine's pauses.
    private static readonly TimeSpan NodeLifetime = TimeSpan.FromSeconds(3);
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddFlashSale(connectionString);
            silo.Services.Configure<LiveHubOptions>(hub => hub.NodeLifetime = NodeLifetime);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    [Fact]
    public async Task A_node_that_stops_renewing_is_dropped_and_one_that_renews_keeps_receiving()
    {
        var hub = _cluster.Client.GetGrain<ILiveHubGrain>(0);
        var (renewing, renewingRef) = Node();
        var (silent, silentRef) = Node();
        await hub.Subscribe(renewingRef);
        await hub.Subscribe(silentRef);

        await hub.StateChanged(new StateChange(Guid.NewGuid(), "open", DateTimeOffset.UtcNow));
        await Task.WhenAll(renewing.Next(), silent.Next());

        // The silent node is still reachable, just no longer renewing: as a node that died would.
        var until = DateTime.UtcNow + NodeLifetime * 2;
        while (DateTime.UtcNow < until)
        {
            await hub.Subscribe(renewingRef);
            await Task.Delay(NodeLifetime / 10);
        }

        var late = new StateChange(Guid.NewGuid(), "ended", DateTimeOffset.UtcNow);
        await hub.StateChanged(late);
        Assert.Equal(late, await renewing.Next());
        // One more event through the same grain after it: had the silent node been kept, it would have had both by now.
        await hub.StateChanged(late with { State = "sold_out" });
        await renewing.Next();
        Assert.Single(silent.Received);
        // Orleans holds observer objects weakly: these must live until the end.
        GC.KeepAlive(renewing);
        GC.KeepAlive(silent);
    }

    [Fact]
    public async Task A_batch_of_snapshots_reaches_a_batched_node_in_one_call_and_a_node_of_the_release_before_one_by_one()
    {
        var hub = _cluster.Client.GetGrain<ILiveHubGrain>(0);
        var (batched, batchedRef) = Node();
        var (single, singleRef) = Node();
        await hub.SubscribeForBatches(batchedRef);
        await hub.Subscribe(singleRef);
        ImmutableArray<InventorySnapshot> snapshots = [.. Enumerable.Range(0, 3).Select(i =>
            new InventorySnapshot(Guid.NewGuid(), i, 10 - i, 1, ImmutableDictionary<string, int>.Empty, "open", DateTimeOffset.UtcNow))];

        await hub.Inventories(snapshots);
        await Task.WhenAll(batched.SnapshotsAsync(snapshots.Length), single.SnapshotsAsync(snapshots.Length));

        // Compared by campaign and count: the rejections' dictionary arrives as a copy. One by one,
        // snapshots of different campaigns may arrive in any order.
        var sent = snapshots.Select(s => (s.CampaignId, s.Remaining));
        Assert.Equal(sent, Assert.Single(batched.Batches).Select(s => (s.CampaignId, s.Remaining)));
        Assert.Empty(batched.Singles);
        Assert.Equal(sent.Order(), single.Singles.Select(s => (s.CampaignId, s.Remaining)).Order());
        Assert.Empty(single.Batches);
        GC.KeepAlive(batched);
        GC.KeepAlive(single);
    }

    // An API node's observer, as the cluster sees it; the caller keeps the node alive (Orleans holds it weakly).
    private (RecordingNode Node, ILiveObserver Reference) Node()
    {
        var node = new RecordingNode();
        return (node, _cluster.Client.CreateObjectReference<ILiveObserver>(node));
    }

    private sealed class RecordingNode : ILiveObserver
    {
        private readonly BlockingCollection<StateChange> _arrivals = new();
        private readonly SemaphoreSlim _snapshots = new(0);

        public ConcurrentQueue<ImmutableArray<InventorySnapshot>> Batches { get; } = new();

        public ConcurrentQueue<InventorySnapshot> Singles { get; } = new();

        public ConcurrentQueue<StateChange> Received { get; } = new();

        /// <summary>Completes once this many snapshots have arrived since the last wait, one by one or in batches.</summary>
        public async Task SnapshotsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _snapshots.WaitAsync(TimeSpan.FromSeconds(20)), $"{i} of {count} snapshots arrived");
            }
        }

        public Task<StateChange> Next() => Task.Run(() => _arrivals.Take(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));

        public Task StateChanged(StateChange change)
        {
            Received.Enqueue(change);
            _arrivals.Add(change);
            return Task.CompletedTask;
        }

        public Task GateChanged(CampaignGate gate) => Task.CompletedTask;

        public Task Inventory(InventorySnapshot snapshot)
        {
            Singles.Enqueue(snapshot);
            _snapshots.Release();
            return Task.CompletedTask;
        }

        public Task Inventories(ImmutableArray<InventorySnapshot> snapshots)
        {
            Batches.Enqueue(snapshots);
            _snapshots.Release(snapshots.Length);
            return Task.CompletedTask;
        }

        public Task OperatorAlert(OperatorAlert alert) => Task.CompletedTask;

        public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts) => Task.CompletedTask;
    }
}
