using System.Collections.Immutable;
using FlashSale.Api.Identity;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// Checks a campaign of batches or variants: each unit is validated as a campaign of its own (its
/// coupon, stock and, for batches, per-user limit; the rest is the group's), errors keyed by the
/// unit's path (<c>batches[1].totalStock</c>).
/// </summary>
public static class CampaignGroupValidation
{
    private const int MaxUnits = 10;
    private const int MaxWeight = 100;
    private static readonly string[] UnitFields = ["coupon", "totalStock", "perUserLimit"];

    public static bool IsGroup(CreateCampaignRequest request) => request.Batches is not null || request.Variants is not null;

    public static Dictionary<string, string[]> Check(CreateCampaignRequest request, DateTimeOffset now, out CampaignDefinition? group,
        out ImmutableArray<CampaignDefinition> units)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = request.Batches is not null ? CampaignUnitKind.Batch : CampaignUnitKind.Variant;
        var field = kind == CampaignUnitKind.Batch ? "batches" : "variants";
        var bodies = request.Batches ?? request.Variants!;
        (group, units) = (null, []);
        if (request.Batches is not null && request.Variants is not null)
        {
            errors[field] = ["Give batches or variants, not both."];
        }

        if (request.Coupon is not null || request.TotalStock is not null)
        {
            errors["coupon"] = [$"Each of the {field} has its own coupon and totalStock: leave them out here."];
        }

        if (bodies.Length is < 2 or > MaxUnits || bodies.Any(b => b is null))
        {
            errors[field] = [$"2 to {MaxUnits} of them."];
            return errors;
        }

        if (bodies.Select(b => b.Key).Distinct(StringComparer.Ordinal).Count() != bodies.Length)
        {
            errors[field] = ["Each needs its own key."];
        }

        var unitDefinitions = new List<(UnitBody Body, CampaignDefinition Definition)>();
        for (var i = 0; i < bodies.Length; i++)
        {
            var body = bodies[i];
            if (!Tiers.IsValid(body.Key))
            {
                errors[$"{field}[{i}].key"] = [$"Required: {Tiers.Rule}."];
            }

            if (body.Name is { } name && (name.Length is 0 or > 100 || name.Any(char.IsControl)))
            {
                errors[$"{field}[{i}].name"] = ["1 to 100 characters, no control characters; or left out (the key is shown)."];
            }

            if (kind == CampaignUnitKind.Variant && body.Weight is < 1 or > MaxWeight)
            {
                errors[$"{field}[{i}].weight"] = [$"1 to {MaxWeight} (default 1): the share of shoppers it gets."];
            }

            if (kind == CampaignUnitKind.Variant && body.PerUserLimit is not null)
            {
                errors[$"{field}[{i}].perUserLimit"] = ["A shopper only ever sees one variant: set perUserLimit on the campaign."];
            }

            var unitRequest = request with
            {
                Coupon = body.Coupon,
                TotalStock = body.TotalStock,
                PerUserLimit = body.PerUserLimit ?? request.PerUserLimit,
                Batches = null,
                Variants = null,
            };
            var unitErrors = CampaignValidation.Check(unitRequest, now, out var definition);
            foreach (var (key, messages) in unitErrors)
            {
                // The group's own fields are reported once, below; the unit's under its path.
                if (UnitFields.Any(f => key == f || key.StartsWith(f + ".", StringComparison.Ordinal)))
                {
                    errors[$"{field}[{i}].{key}"] = messages;
                }
            }

            if (definition is not null)
            {
                unitDefinitions.Add((body, definition));
            }
        }

        var groupRequest = request with
        {
            Coupon = bodies[0].Coupon,
            TotalStock = (int)Math.Min(CampaignDefinition.MaxStock, bodies.Sum(b => (long)(b.TotalStock ?? 1))),
            Batches = null,
            Variants = null,
        };
        var groupErrors = CampaignValidation.Check(groupRequest, now, out var groupDefinition);
        foreach (var (key, messages) in groupErrors)
        {
            if (!UnitFields.Any(f => key == f || key.StartsWith(f + ".", StringComparison.Ordinal)))
            {
                errors[key] = messages;
            }
        }

        if (errors.Count > 0 || groupDefinition is null)
        {
            return errors;
        }

        var groupId = groupDefinition.Id;
        var members = unitDefinitions.Select(u => new CampaignUnit(kind, u.Body.Key!, u.Body.Name ?? u.Body.Key!,
            CampaignUnits.IdOf(groupId, u.Body.Key!), u.Body.Weight ?? 1)).ToImmutableArray();
        group = groupDefinition with { Units = members };
        units = [.. unitDefinitions.Zip(members, (u, member) => u.Definition with
        {
            Id = member.CampaignId,
            Name = $"{groupDefinition.Name} · {member.Name}",
            ParentId = groupId,
        })];
        return errors;
    }
}
