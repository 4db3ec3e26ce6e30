using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A campaign of batches or variants issues nothing itself: its dashboards' figures are its units'
/// added up, from the snapshots each unit sends it as it publishes its own.
/// </summary>
public sealed partial class CampaignGrain
{
    private Dictionary<Guid, InventorySnapshot>? _unitSnapshots;

    // On a variant: its group's variants, to tell which shoppers are its own; null on any other campaign.
    // Read from the group on first need: a unit is created before its group exists.
    private ImmutableArray<CampaignUnit>? _variants;
    private bool _variantsKnown;

    private async Task KnowVariantsAsync()
    {
        if (!_variantsKnown && Definition?.ParentId is { } parent)
        {
            _variants = await GrainFactory.GetGrain<ICampaignGrain>(parent).Get() is { Definition.Units: [{ Kind: CampaignUnitKind.Variant }, ..] units }
                ? units
                : null;
            _variantsKnown = true;
        }
    }

    private async Task<ClaimResult> ClaimOnceVariantsKnownAsync(ClaimRequest request)
    {
        await KnowVariantsAsync();
        return await Claim(request);
    }

    private bool IsShoppersVariant(string shopperId) =>
        _variants is not { } variants || CampaignUnits.VariantFor(variants, Definition!.ParentId!.Value, shopperId).CampaignId == Definition.Id;

    public Task UnitInventory(InventorySnapshot snapshot)
    {
        if (Definition?.IsGroup == true)
        {
            (_unitSnapshots ??= [])[snapshot.CampaignId] = snapshot;
            PublishSoon();
            if (View().Phase == CampaignPhase.Open)
            {
                PublishState(GroupState());
            }
        }

        return Task.CompletedTask;
    }

    private string GroupState() => View().Phase.GroupState([.. _unitSnapshots!.Values.Select(s => s.State)], Definition!.Units.Length);

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
        return new InventorySnapshot(Definition!.Id, units.Sum(s => s.Remaining), units.Sum(s => s.Issued), units.Sum(s => s.ClaimsPerSecond),
            units.SelectMany(s => s.Rejections).GroupBy(r => r.Key, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal), GroupState(), now,
            units.Min(s => s.FirstCommitAt));
    }
}
