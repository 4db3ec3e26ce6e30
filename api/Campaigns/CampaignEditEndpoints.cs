using System.Text.Json;
using System.Text.Json.Nodes;
using FlashSale.Api.Gates;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// <c>PATCH /api/campaigns/{id}</c>: edits a campaign that has not opened (a draft, or scheduled
/// before its start). Each field given replaces the current one whole; the result is validated as a
/// new campaign would be, and what changed goes to the audit. On a group of batches or variants the
/// shared fields change on every unit too.
/// </summary>
public static class CampaignEditEndpoints
{
    private static readonly string[] Editable =
        ["name", "coupon", "totalStock", "perUserLimit", "startsAt", "endsAt", "validity", "risk", "use", "price", "earlyAccess", "timeZone"];

    public static void MapCampaignEdits(this IEndpointRouteBuilder app)
    {
        app.MapPatch("/api/campaigns/{id}", Edit)
            .WithTags("Campaigns")
            .RequireAuthorization(Roles.Marketing)
            .OwnCampaignsOnly()
            .WithSummary("Edit a campaign before it opens: any of name, coupon, totalStock, perUserLimit, startsAt, endsAt, validity, risk, use, "
                + "price, earlyAccess, each replacing the current value whole (role marketing)")
            .Accepts<CreateCampaignRequest>("application/json")
            .Produces<CampaignResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Edit(string id, HttpContext context, IClusterClient cluster, TimeProvider clock, IOptions<JsonOptions> json, LocalGates gates)
    {
        var (patch, problem) = await JsonBody.Read<JsonObject>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (!Guid.TryParse(id, out var campaignId) || await cluster.GetGrain<ICampaignGrain>(campaignId).Get() is not { } view)
        {
            return CampaignEndpoints.NotFound();
        }

        var options = json.Value.SerializerOptions;
        var now = clock.GetUtcNow();
        var group = view.Definition.Units;
        var allowed = view.Definition.IsGroup ? GroupEditable(group[0].Kind) : Editable;
        var (edited, changes, refusal) = Apply(view, patch!, allowed, now, options);
        if (refusal is not null)
        {
            return refusal;
        }

        if (changes.Count == 0)
        {
            return Results.Ok(view.Definition.IsGroup ? await CampaignResponse.OfAsync(view, cluster) : CampaignResponse.Of(view));
        }

        // A group's shared fields are its units' too: every unit is validated before any is changed.
        var unitEdits = new List<(Guid Id, CampaignDefinition Edited, JsonObject Changes)>();
        foreach (var unit in group.IsDefault ? [] : group)
        {
            if (await cluster.GetGrain<ICampaignGrain>(unit.CampaignId).Get() is not { } unitView)
            {
                continue;
            }

            var unitPatch = patch!.DeepClone().AsObject();
            if (unitPatch["name"] is { } name)
            {
                unitPatch["name"] = $"{name.GetValue<string>()} · {unit.Name}";
            }

            var (unitEdited, unitChanges, unitRefusal) = Apply(unitView, unitPatch, allowed, now, options);
            if (unitRefusal is not null)
            {
                return unitRefusal;
            }

            unitEdits.Add((unit.CampaignId, unitEdited!, unitChanges));
        }

        var actor = context.ShopperId();
        foreach (var (unitId, unitEdited, unitChanges) in unitEdits)
        {
            if ((await cluster.GetGrain<ICampaignGrain>(unitId).Edit(unitEdited, actor, unitChanges.ToJsonString())).Outcome != CampaignChangeOutcome.Done)
            {
                return AlreadyOpened();
            }
        }

        var result = await cluster.GetGrain<ICampaignGrain>(campaignId).Edit(edited!, actor, changes.ToJsonString());
        if (result.View is { } changed)
        {
            gates.Forget(changed);
        }

        return result.Outcome switch
        {
            CampaignChangeOutcome.Done when result.View!.Definition.IsGroup => Results.Ok(await CampaignResponse.OfAsync(result.View, cluster)),
            CampaignChangeOutcome.Done => Results.Ok(CampaignResponse.Of(result.View!)),
            CampaignChangeOutcome.NotFound => CampaignEndpoints.NotFound(),
            _ => AlreadyOpened(),
        };
    }

    // A group's coupons and stock are its units' own; so is the per-user limit of batches.
    private static string[] GroupEditable(CampaignUnitKind kind) =>
        [.. Editable.Except(kind == CampaignUnitKind.Batch ? ["coupon", "totalStock", "perUserLimit"] : ["coupon", "totalStock"], StringComparer.Ordinal)];

    private static IResult AlreadyOpened() =>
        Problem.Of(StatusCodes.Status409Conflict, "already_opened", "The sale has opened; only drafts and campaigns before their start can be edited.");

    /// <summary>The campaign with the patch's fields in place, validated as a new campaign would be, and what changed, from and to.</summary>
    private static (CampaignDefinition? Edited, JsonObject Changes, IResult? Problem) Apply(CampaignView view, JsonObject patch, string[] allowed,
        DateTimeOffset now, JsonSerializerOptions options)
    {
        var current = JsonSerializer.SerializeToNode(CampaignResponse.Of(view), options)!.AsObject();
        var merged = new JsonObject { ["cardSecrets"] = current["cardSecrets"]?.DeepClone() };
        foreach (var field in Editable)
        {
            merged[field] = current[field]?.DeepClone();
        }

        var unchanged = merged.DeepClone().AsObject();

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var changes = new JsonObject();
        foreach (var (field, value) in patch)
        {
            if (!allowed.Contains(field))
            {
                errors[field] = [$"Not editable here: only {string.Join(", ", allowed)}."];
            }
            else if (!JsonNode.DeepEquals(current[field], value))
            {
                changes[field] = new JsonObject { ["from"] = current[field]?.DeepClone(), ["to"] = value?.DeepClone() };
                merged[field] = value?.DeepClone();
            }
        }

        if (errors.Count > 0)
        {
            return (null, changes, Problem.Validation(errors));
        }

        CreateCampaignRequest request;
        try
        {
            request = merged.Deserialize<CreateCampaignRequest>(options)!;
        }
        catch (JsonException e)
        {
            return (null, changes, Problem.MalformedJson(e.Path, "A value of the wrong type."));
        }

        errors = CampaignValidation.Check(request, now, out var edited);
        if (errors.Count > 0)
        {
            return (null, changes, Problem.Validation(errors));
        }

        var original = view.Definition;
        return (edited! with
        {
            Id = original.Id,
            CreatedAt = original.CreatedAt,
            CreatedBy = original.CreatedBy,
            Units = original.Units,
            ParentId = original.ParentId,
        }, ChangesBetween(unchanged, request, changes, options), null);
    }

    /// <summary>
    /// What really changed, both sides read as a request and written back: the same instant in another
    /// offset, or a validity given as days alone, is not a change.
    /// </summary>
    private static JsonObject ChangesBetween(JsonObject unchanged, CreateCampaignRequest edited, JsonObject patched, JsonSerializerOptions options)
    {
        var before = JsonSerializer.SerializeToNode(unchanged.Deserialize<CreateCampaignRequest>(options), options)!.AsObject();
        var after = JsonSerializer.SerializeToNode(edited, options)!.AsObject();
        var changes = new JsonObject();
        foreach (var (field, _) in patched)
        {
            if (!JsonNode.DeepEquals(before[field], after[field]))
            {
                changes[field] = new JsonObject { ["from"] = before[field]?.DeepClone(), ["to"] = after[field]?.DeepClone() };
            }
        }

        return changes;
    }
}
