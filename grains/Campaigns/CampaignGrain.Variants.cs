using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// A unit's side of its group: a variant serves only the shoppers its group's hash sends to it. The
/// group's side (its units' figures added up, its controls passed on) is <see cref="CampaignGroupGrain"/>.
/// </summary>
public sealed partial class CampaignGrain
{
    // On a variant: its group's variants, to tell which shoppers are its own; null on any other campaign.
    // Read from the group on first need: a unit is created before its group exists.
    private ImmutableArray<CampaignUnit>? _variants;
    private bool _variantsKnown;

    private ICampaignGroupGrain Group => GrainFactory.GetGrain<ICampaignGroupGrain>(this.GetPrimaryKey());

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

    // Sent here by units of the release before the group grain (a rolling upgrade).
    public Task UnitInventory(InventorySnapshot snapshot) => Definition?.IsGroup == true ? Group.UnitInventory(snapshot) : Task.CompletedTask;
}
