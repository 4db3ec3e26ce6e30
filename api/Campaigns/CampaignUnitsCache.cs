using System.Collections.Concurrent;
using System.Collections.Immutable;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// Which campaigns are groups of batches or variants (and of which), and which are such units:
/// asked of a campaign's grain once per node, then known for good (a campaign's units never
/// change). Claims are routed here, so that no shopper reaches a variant the hash did not give them.
/// </summary>
public sealed class CampaignUnitsCache(IClusterClient cluster)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<Guid, Shape> _shapes = new();

    /// <param name="Units">A group's batches or variants; empty otherwise.</param>
    /// <param name="Group">A unit's group; null otherwise.</param>
    /// <param name="Draft">Not published yet: such shapes are not kept, since publishing changes it.</param>
    private sealed record Shape(ImmutableArray<CampaignUnit> Units, Guid? Group, bool Draft);

    /// <summary>The campaign's units (empty for a plain campaign or a unit); null when there is no such campaign.</summary>
    public async ValueTask<ImmutableArray<CampaignUnit>?> OfAsync(Guid campaignId) => (await ShapeAsync(campaignId))?.Units;

    /// <summary>
    /// The campaign a shopper's claim goes to: the campaign itself, the named batch, or for variants
    /// the shopper's own, also when another variant's id was asked for directly. Both null when there
    /// is no such campaign; a problem when a batch is missing, unknown, or named on variants, and
    /// when the campaign is a draft, which shoppers must not learn anything about (not even its batches).
    /// </summary>
    public async ValueTask<(Guid? Target, IResult? Problem)> ClaimTargetAsync(Guid campaignId, string? batch, string shopperId)
    {
        if (await ShapeAsync(campaignId) is not { } shape)
        {
            return (null, null);
        }

        if (shape.Draft)
        {
            return (null, CampaignEndpoints.NotFound());
        }

        var (group, units) = (campaignId, shape.Units);
        if (shape.Group is { } parent)
        {
            // A unit asked for by its own id: a batch is itself; a variant is whichever the shopper's hash gives.
            if (await ShapeAsync(parent) is not { } parentShape || parentShape.Units.FirstOrDefault(u => u.CampaignId == campaignId) is not { } unit)
            {
                return (null, null);
            }

            if (unit.Kind == CampaignUnitKind.Batch)
            {
                return batch is null || batch == unit.Key ? (campaignId, null) : (null, UnitNotFound());
            }

            (group, units) = (parent, parentShape.Units);
        }

        if (batch is not null && !units.IsEmpty && units[0].Kind == CampaignUnitKind.Variant)
        {
            return (null, Problem.Of(StatusCodes.Status400BadRequest, "variant_assigned", "Variants are assigned to shoppers, not chosen: leave batch out."));
        }

        return Resolve(group, units, batch, shopperId);
    }

    /// <summary>
    /// The campaign a claim or top-up is for: the campaign itself, the named batch or variant, or for
    /// variants with no name and a shopper, the shopper's own. Null with a problem when a batch is missing or unknown.
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

        return (null, Problem.Of(StatusCodes.Status400BadRequest, "batch_required", "Say which batch: ?batch=KEY.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["batches"] = units.Select(u => u.Key).ToArray() }));
    }

    private async ValueTask<Shape?> ShapeAsync(Guid campaignId)
    {
        if (_shapes.TryGetValue(campaignId, out var known))
        {
            return known;
        }

        if (await cluster.GetGrain<ICampaignGrain>(campaignId).Get() is not { } view)
        {
            return null;
        }

        var shape = new Shape(view.Definition.IsGroup ? view.Definition.Units : [], view.Definition.ParentId, view.Phase == CampaignPhase.Draft);
        if (!shape.Draft && _shapes.Count < MaxEntries)
        {
            _shapes[campaignId] = shape;
        }

        return shape;
    }

    private static IResult UnitNotFound() =>
        Problem.Of(StatusCodes.Status404NotFound, "batch_not_found", "The campaign has no batch or variant by that key.");
}
