using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A campaign of batches or variants issues nothing itself: its dashboards' figures are its units'
/// added up, from the snapshots each unit sends it as it publishes its own.
/// </summary>
public sealed partial class CampaignGrain
{
    private Dictionary<Guid, InventorySnapshot>? _unitSnapshots;

    public Task UnitInventory(InventorySnapshot snapshot)
    {
        if (Definition?.IsGroup == true)
        {
            (_unitSnapshots ??= [])[snapshot.CampaignId] = snapshot;
            PublishSoon();
            if (AllUnitsSoldOut)
            {
                PublishState(CampaignPhase.SoldOut.Name());
            }
            else if (View().Phase == CampaignPhase.Open)
            {
                PublishState(CampaignPhase.Open.Name());
            }
        }

        return Task.CompletedTask;
    }

    private bool AllUnitsSoldOut =>
        _unitSnapshots is { } units && units.Count == Definition!.Units.Length && units.Values.All(s => s.State == CampaignPhase.SoldOut.Name());

    private async Task<InventorySnapshot> GroupSnapshotAsync()
    {
        if (_unitSnapshots is null || _unitSnapshots.Count < Definition!.Units.Length)
        {
            var snapshots = await Task.WhenAll(Definition!.Units.Select(u => GrainFactory.GetGrain<ICampaignGrain>(u.CampaignId).Snapshot()));
            _unitSnapshots = snapshots.OfType<InventorySnapshot>().ToDictionary(s => s.CampaignId);
        }

        return GroupSnapshot(clock.GetUtcNow());
    }

    private InventorySnapshot GroupSnapshot(DateTimeOffset now)
    {
        var units = _unitSnapshots!.Values;
        var phase = View().Phase;
        var state = phase == CampaignPhase.Open && AllUnitsSoldOut ? CampaignPhase.SoldOut.Name() : phase.Name();
        return new InventorySnapshot(Definition!.Id, units.Sum(s => s.Remaining), units.Sum(s => s.Issued), units.Sum(s => s.ClaimsPerSecond),
            units.SelectMany(s => s.Rejections).GroupBy(r => r.Key).ToImmutableDictionary(g => g.Key, g => g.Sum(r => r.Value)), state, now,
            units.Min(s => s.FirstCommitAt));
    }
}
