using System.Text.Json;
using System.Text.Json.Nodes;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// <c>PATCH /api/campaigns/{id}</c>: edits a campaign that has not opened (a draft, or scheduled
/// before its start). Each field given replaces the current one whole; the result is validated as a
/// new campaign would be, and what changed goes to the audit.
/// </summary>
public static class CampaignEditEndpoints
{
    private static readonly string[] Editable =
        ["name", "coupon", "totalStock", "perUserLimit", "startsAt", "endsAt", "validity", "risk", "use", "price", "earlyAccess"];

    public static void MapCampaignEdits(this IEndpointRouteBuilder app)
    {
        app.MapPatch("/api/campaigns/{id}", Edit)
            .WithTags("Campaigns")
            .RequireAuthorization(Roles.Marketing)
            .WithSummary("Edit a campaign before it opens: any of name, coupon, totalStock, perUserLimit, startsAt, endsAt, validity, risk, use, "
                + "price, earlyAccess, each replacing the current value whole (role marketing)")
            .Accepts<CreateCampaignRequest>("application/json")
            .Produces<CampaignResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Edit(string id, HttpContext context, IClusterClient cluster, TimeProvider clock, IOptions<JsonOptions> json)
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

        if (view.Definition.IsGroup)
        {
            return Problem.Of(StatusCodes.Status409Conflict, "group_not_editable",
                "A campaign of batches or variants cannot be edited yet: end it and create another.");
        }

        var options = json.Value.SerializerOptions;
        var current = JsonSerializer.SerializeToNode(CampaignResponse.Of(view), options)!.AsObject();
        var merged = new JsonObject { ["cardSecrets"] = current["cardSecrets"]?.DeepClone() };
        foreach (var field in Editable)
        {
            merged[field] = current[field]?.DeepClone();
        }

        var errors = new Dictionary<string, string[]>();
        var changes = new JsonObject();
        foreach (var (field, value) in patch!)
        {
            if (!Editable.Contains(field))
            {
                errors[field] = [$"Not editable: only {string.Join(", ", Editable)}."];
            }
            else if (!JsonNode.DeepEquals(current[field], value))
            {
                changes[field] = new JsonObject { ["from"] = current[field]?.DeepClone(), ["to"] = value?.DeepClone() };
                merged[field] = value?.DeepClone();
            }
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        CreateCampaignRequest request;
        try
        {
            request = merged.Deserialize<CreateCampaignRequest>(options)!;
        }
        catch (JsonException e)
        {
            return Problem.MalformedJson(e.Path, "A value of the wrong type.");
        }

        var now = clock.GetUtcNow();
        errors = CampaignValidation.Check(request, now, out var edited);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        if (changes.Count == 0)
        {
            return Results.Ok(CampaignResponse.Of(view));
        }

        var original = view.Definition;
        edited = edited! with { Id = original.Id, CreatedAt = original.CreatedAt, CreatedBy = original.CreatedBy };
        var result = await cluster.GetGrain<ICampaignGrain>(campaignId).Edit(edited, context.ShopperId(), changes.ToJsonString());
        return result.Outcome switch
        {
            CampaignChangeOutcome.Done => Results.Ok(CampaignResponse.Of(result.View!)),
            CampaignChangeOutcome.NotFound => CampaignEndpoints.NotFound(),
            _ => Problem.Of(StatusCodes.Status409Conflict, "already_opened", "The sale has opened; only drafts and campaigns before their start can be edited."),
        };
    }
}
