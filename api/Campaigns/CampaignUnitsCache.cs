using System.Collections.Concurrent;
using System.Collections.Immutable;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// Which campaigns are groups of batches or variants, and of which: asked of a campaign's grain
/// once per node, then known for good (a campaign's units never change).
/// </summary>
public sealed class CampaignUnitsCache(IClusterClient cluster)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<Guid, ImmutableArray<CampaignUnit>> _units = new();

    /// <summary>The campaign's units (empty for a plain campaign); null when there is no such campaign.</summary>
    public async ValueTask<ImmutableArray<CampaignUnit>?> OfAsync(Guid campaignId)
    {
        if (_units.TryGetValue(campaignId, out var known))
        {
            return known;
        }

        if (await cluster.GetGrain<ICampaignGrain>(campaignId).Get() is not { } view)
        {
            return null;
        }

        var units = view.Definition.IsGroup ? view.Definition.Units : [];
        if (_units.Count < MaxEntries)
        {
            _units[campaignId] = units;
        }

        return units;
    }

    /// <summary>
    /// The campaign a claim or top-up is for: the campaign itself, the named batch, or for variants the
    /// shopper's own. Null with a problem when a batch is missing or unknown.
    /// </summary>
    public static (Guid? Target, IResult? Problem) Resolve(Guid campaignId, ImmutableArray<CampaignUnit> units, string? unitKey, string? shopperId)
    {
        if (units.IsEmpty)
        {
            return unitKey is null ? (campaignId, null) : (null, UnitNotFound());
        }

        if (unitKey is not null)
        {
            return units.FirstOrDefault(u => u.Key == unitKey) is { } named ? (named.CampaignId, null) : (null, UnitNotFound());
        }

        if (units[0].Kind == CampaignUnitKind.Variant && shopperId is not null)
        {
            return (CampaignUnits.VariantFor(units, campaignId, shopperId).CampaignId, null);
        }

        return (null, Problems.Problem.Of(StatusCodes.Status400BadRequest, "batch_required", "Say which batch: ?batch=KEY.",
            extensions: new Dictionary<string, object?> { ["batches"] = units.Select(u => u.Key).ToArray() }));
    }

    private static IResult UnitNotFound() =>
        Problems.Problem.Of(StatusCodes.Status404NotFound, "batch_not_found", "The campaign has no batch or variant by that key.");
}
