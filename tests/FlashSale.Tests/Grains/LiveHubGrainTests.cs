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
        var (renewing, silent) = (new RecordingNode(), new RecordingNode());
        var renewingRef = _cluster.Client.CreateObjectReference<ILiveObserver>(renewing);
        var silentRef = _cluster.Client.CreateObjectReference<ILiveObserver>(silent);
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

    private sealed class RecordingNode : ILiveObserver
    {
        private readonly BlockingCollection<StateChange> _arrivals = new();

        public ConcurrentQueue<StateChange> Received { get; } = new();

        public Task<StateChange> Next() => Task.Run(() => _arrivals.Take(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));

        public Task StateChanged(StateChange change)
        {
            Received.Enqueue(change);
            _arrivals.Add(change);
            return Task.CompletedTask;
        }

        public Task GateChanged(CampaignGate gate) => Task.CompletedTask;

        public Task Inventory(InventorySnapshot snapshot) => Task.CompletedTask;

        public Task OperatorAlert(OperatorAlert alert) => Task.CompletedTask;

        public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts) => Task.CompletedTask;
    }
}
