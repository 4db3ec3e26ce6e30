using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Gates;
using FlashSale.GrainInterfaces.Live;
using FlashSale.Grains.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlashSale.UnitTests.Live;

/// <summary>A silo's snapshots on their way to the live hub: together, the latest of each campaign, never older than its state.</summary>
public sealed class InventoryBatchesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 11, 20, 0, 0, TimeSpan.Zero));
    private readonly RecordingHub _hub = new();

    private InventoryBatches Batches() => new(_hub, _clock, NullLogger<InventoryBatches>.Instance);

    private InventorySnapshot Snapshot(Guid campaign, int remaining, string state = "open") =>
        new(campaign, remaining, 100 - remaining, 5, ImmutableDictionary<string, int>.Empty, state, _clock.GetUtcNow());

    [Fact]
    public void Snapshots_of_a_window_go_in_one_call_with_the_latest_of_each_campaign()
    {
        var batches = Batches();
        var (hot, quiet) = (Guid.NewGuid(), Guid.NewGuid());
        batches.Publish(Snapshot(hot, 90));
        batches.Publish(Snapshot(quiet, 99));
        batches.Publish(Snapshot(hot, 80));

        _clock.Advance(InventoryBatches.Window - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_hub.Batches);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var batch = Assert.Single(_hub.Batches);
        Assert.Equal(2, batch.Length);
        Assert.Equal(80, batch.Single(s => s.CampaignId == hot).Remaining);
        Assert.Equal(99, batch.Single(s => s.CampaignId == quiet).Remaining);

        // The next snapshot starts a window of its own.
        batches.Publish(Snapshot(quiet, 98));
        _clock.Advance(InventoryBatches.Window);
        Assert.Equal(98, Assert.Single(_hub.Batches[1]).Remaining);
        Assert.Empty(_hub.Singles);
    }

    [Fact]
    public void A_snapshot_still_waiting_when_its_campaign_changes_state_carries_the_new_state()
    {
        var batches = Batches();
        var (soldOut, other) = (Guid.NewGuid(), Guid.NewGuid());
        batches.Publish(Snapshot(soldOut, 0));
        batches.Restate(soldOut, "sold_out");
        batches.Restate(other, "ended");
        _clock.Advance(InventoryBatches.Window);

        Assert.Equal("sold_out", Assert.Single(Assert.Single(_hub.Batches)).State);
    }

    [Fact]
    public void A_hub_that_refuses_batches_gets_the_snapshots_one_at_a_time()
    {
        _hub.RefusesBatches = true;
        var batches = Batches();
        var campaigns = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        foreach (var campaign in campaigns)
        {
            batches.Publish(Snapshot(campaign, 50));
        }

        _clock.Advance(InventoryBatches.Window);

        Assert.Empty(_hub.Batches);
        Assert.Equal(campaigns.Order(), _hub.Singles.Select(s => s.CampaignId).Order());
    }

    private sealed class RecordingHub : ILiveHubGrain
    {
        public bool RefusesBatches { get; set; }

        public List<ImmutableArray<InventorySnapshot>> Batches { get; } = [];

        public List<InventorySnapshot> Singles { get; } = [];

        public Task Inventories(ImmutableArray<InventorySnapshot> snapshots)
        {
            if (RefusesBatches)
            {
                return Task.FromException(new NotSupportedException("a hub of the release before"));
            }

            Batches.Add(snapshots);
            return Task.CompletedTask;
        }

        public Task Inventory(InventorySnapshot snapshot)
        {
            Singles.Add(snapshot);
            return Task.CompletedTask;
        }

        public Task Subscribe(ILiveObserver node) => Task.CompletedTask;

        public Task SubscribeForBatches(ILiveObserver node) => Task.CompletedTask;

        public Task GateChanged(CampaignGate gate) => Task.CompletedTask;

        public Task StateChanged(StateChange change) => Task.CompletedTask;

        public Task OperatorAlert(OperatorAlert alert) => Task.CompletedTask;

        public Task ShopperAlerts(ImmutableArray<ShopperAlert> alerts) => Task.CompletedTask;
    }
}
