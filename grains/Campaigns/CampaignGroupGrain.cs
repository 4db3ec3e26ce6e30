using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;
using FlashSale.Grains.Live;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// The units' side of a campaign of batches or variants. Keeps each unit's latest snapshot and
/// publishes their sum at most every 200 ms while they change, asking the group's campaign grain
/// for its phase each time (a paused or ended group is that, whatever its units say).
/// </summary>
[Reentrant]
public sealed class CampaignGroupGrain(CampaignResultsStore results, InventoryBatches inventories, TimeProvider clock) : Grain, ICampaignGroupGrain
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<Guid, InventorySnapshot> _units = [];
    private IGrainTimer? _liveTimer;
    private bool _changed;
    private int _quietTicks;
    private string? _announcedState;

    private ICampaignGrain Record => GrainFactory.GetGrain<ICampaignGrain>(this.GetPrimaryKey());

    public Task UnitInventory(InventorySnapshot snapshot)
    {
        _units[snapshot.CampaignId] = snapshot;
        return Republish();
    }

    public Task Republish()
    {
        _changed = true;
        _quietTicks = 0;
        _liveTimer ??= this.RegisterGrainTimer(PublishAsync,
            new GrainTimerCreationOptions { DueTime = LiveInterval, Period = LiveInterval, Interleave = true });
        return Task.CompletedTask;
    }

    public async Task<InventorySnapshot> Snapshot(CampaignView group)
    {
        var units = group.Definition.Units;
        if (units.Any(u => !_units.ContainsKey(u.CampaignId)))
        {
            var snapshots = await Task.WhenAll(units.Select(u => GrainFactory.GetGrain<ICampaignGrain>(u.CampaignId).Snapshot()));
            foreach (var snapshot in snapshots.OfType<InventorySnapshot>())
            {
                _units.TryAdd(snapshot.CampaignId, snapshot);
            }
        }

        var known = units.Select(u => _units.GetValueOrDefault(u.CampaignId)).OfType<InventorySnapshot>().ToList();
        return new InventorySnapshot(group.Definition.Id, known.Sum(s => s.Remaining), known.Sum(s => s.Issued), known.Sum(s => s.ClaimsPerSecond),
            known.SelectMany(s => s.Rejections).GroupBy(r => r.Key, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal),
            group.Phase.GroupState([.. known.Select(s => s.State)], units.Length), clock.GetUtcNow(), known.Min(s => s.FirstCommitAt));
    }

    public Task Change(ImmutableArray<CampaignUnit> units, CampaignChange change) =>
        Task.WhenAll(units.Select(unit => GrainFactory.GetGrain<ICampaignGrain>(unit.CampaignId).Change(change)));

    public async Task<int> CloseUnits(ImmutableArray<CampaignUnit> units)
    {
        var ids = units.Select(u => u.CampaignId).ToArray();
        await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ICampaignGrain>(id).Close()));
        return await results.DistinctClaimantsAsync(ids);
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (!_changed)
        {
            if (++_quietTicks >= 10)
            {
                _liveTimer?.Dispose();
                _liveTimer = null;
            }

            return;
        }

        _changed = false;
        if (await Record.Get() is not { Definition.IsGroup: true } group)
        {
            return;
        }

        var snapshot = await Snapshot(group);
        inventories.Publish(snapshot);
        // Its campaign grain announced the opening.
        _announcedState ??= CampaignPhase.Open.Name();
        // The group's own phase changes are announced by its campaign grain; selling out is its units' doing.
        if (group.Phase == CampaignPhase.Open && snapshot.State != _announcedState)
        {
            _announcedState = snapshot.State;
            inventories.Restate(group.Definition.Id, snapshot.State);
            GrainFactory.GetGrain<ILiveHubGrain>(0).StateChanged(new StateChange(group.Definition.Id, snapshot.State, snapshot.At)).Ignore();
        }
    }
}
