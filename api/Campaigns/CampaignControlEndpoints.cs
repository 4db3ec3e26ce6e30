using System.Text.Json;
using FlashSale.Api.Gates;
using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>Marketing's controls (publish a draft; during the sale pause, resume, end now, top up) and their audit.</summary>
public static class CampaignControlEndpoints
{
    /// <param name="Batch">On a campaign of batches or variants: which one to top up, by key.</param>
    public sealed record TopUpRequest(int? Add, string? Batch = null);

    /// <param name="Details">What the change set, e.g. <c>{"add": 500, "totalStock": 1500}</c>.</param>
    public sealed record CampaignChangeResponse(DateTimeOffset At, string Actor, string Action, JsonElement Details);

    public static void MapCampaignControls(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns/{id}").WithTags("Campaigns").RequireAuthorization(Roles.Marketing).OwnCampaignsOnly();

        Control(campaigns.MapPost("/publish", (string id, HttpContext context, IClusterClient cluster, LocalGates gates) =>
                ChangeAsync(id, CampaignChangeKind.Publish, 0, context, cluster, gates)),
            "Publish a draft: shoppers see it, and it opens at its startsAt (role marketing)");
        Control(campaigns.MapPost("/pause", (string id, HttpContext context, IClusterClient cluster, LocalGates gates) =>
                ChangeAsync(id, CampaignChangeKind.Pause, 0, context, cluster, gates)),
            "Pause the sale: claims get 409 paused until it resumes (role marketing)");
        Control(campaigns.MapPost("/resume", (string id, HttpContext context, IClusterClient cluster, LocalGates gates) =>
                ChangeAsync(id, CampaignChangeKind.Resume, 0, context, cluster, gates)),
            "Resume a paused sale (role marketing)");
        Control(campaigns.MapPost("/end", (string id, HttpContext context, IClusterClient cluster, LocalGates gates) =>
                ChangeAsync(id, CampaignChangeKind.End, 0, context, cluster, gates)),
            "End the sale now, before its endsAt (role marketing)");
        Control(campaigns.MapPost("/stock", TopUp), "Add coupons to the stock; a sold-out campaign opens again (role marketing). With an Idempotency-Key header, a retry adds nothing more.")
            .Accepts<TopUpRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        campaigns.MapGet("/changes", Changes)
            .WithSummary("Every change to the campaign, oldest first: who, when, what (role marketing)")
            .Produces<IReadOnlyList<CampaignChangeResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static RouteHandlerBuilder Control(RouteHandlerBuilder endpoint, string summary) => endpoint
        .WithSummary(summary)
        .Produces<CampaignResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> TopUp(string id, HttpContext context, IClusterClient cluster, CampaignUnitsCache units, LocalGates gates)
    {
        var (body, problem) = await JsonBody.Read<TopUpRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Add is not { } add || add < 1 || add > CampaignDefinition.MaxStock)
        {
            return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["add"] = [$"Required, 1 to {CampaignDefinition.MaxStock}."] });
        }

        var keyErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = Claims.ClaimHeaders.OptionalKey(context.Request.Headers, keyErrors);
        if (keyErrors.Count > 0)
        {
            return Problem.Validation(keyErrors);
        }

        if (!Guid.TryParse(id, out var campaignId) || await units.OfAsync(campaignId) is not { } campaignUnits)
        {
            return CampaignEndpoints.NotFound();
        }

        // A group's stock is its units': a top-up names the batch or variant.
        if (!campaignUnits.IsEmpty && body.Batch is null)
        {
            return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["batch"] = [$"Required: one of {string.Join(", ", campaignUnits.Select(u => u.Key))}."] });
        }

        var (target, unitProblem) = CampaignUnitsCache.Resolve(campaignId, campaignUnits, body.Batch, null);
        return target is { } unit ? await ChangeAsync(unit.ToString(), CampaignChangeKind.TopUp, add, context, cluster, gates, key) : unitProblem!;
    }

    private static async Task<IResult> ChangeAsync(string id, CampaignChangeKind kind, int add, HttpContext context, IClusterClient cluster, LocalGates gates,
        string? key = null)
    {
        if (!Guid.TryParse(id, out var campaignId))
        {
            return CampaignEndpoints.NotFound();
        }

        var result = await cluster.GetGrain<ICampaignGrain>(campaignId).Change(new CampaignChange(kind, context.ShopperId(), add, key));
        if (result.View is { } changed)
        {
            gates.Forget(changed);
        }

        return result.Outcome switch
        {
            CampaignChangeOutcome.Done => Results.Ok(CampaignResponse.Of(result.View!)),
            CampaignChangeOutcome.Replayed => Replayed(context, result.View!),
            CampaignChangeOutcome.KeyReused => Problem.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was used for another top-up; use a new key for a new top-up."),
            CampaignChangeOutcome.NotFound => CampaignEndpoints.NotFound(),
            CampaignChangeOutcome.Ended => Problem.Of(StatusCodes.Status409Conflict, "campaign_ended", "The sale has ended; it cannot change any more."),
            CampaignChangeOutcome.AlreadyPaused => Problem.Of(StatusCodes.Status409Conflict, "already_paused", "The sale is already paused."),
            CampaignChangeOutcome.NotPaused => Problem.Of(StatusCodes.Status409Conflict, "not_paused", "The sale is not paused."),
            CampaignChangeOutcome.NotDraft => Problem.Of(StatusCodes.Status409Conflict, "already_published", "The campaign is not a draft."),
            CampaignChangeOutcome.UnitRequired => Problem.Of(StatusCodes.Status400BadRequest, "batch_required", "Say which batch or variant."),
            _ => Problem.Of(StatusCodes.Status422UnprocessableEntity, "stock_too_large",
                $"A campaign has at most {CampaignDefinition.MaxStock} coupons, top-ups included."),
        };
    }

    private static IResult Replayed(HttpContext context, CampaignView view)
    {
        context.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Ok(CampaignResponse.Of(view));
    }

    private static async Task<IResult> Changes(string id, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var campaignId) || await cluster.GetGrain<ICampaignGrain>(campaignId).Get() is null)
        {
            return CampaignEndpoints.NotFound();
        }

        var changes = await cluster.GetGrain<ICampaignGrain>(campaignId).Changes();
        return Results.Ok(changes.Select(c => new CampaignChangeResponse(c.At, c.Actor, c.Action, JsonDocument.Parse(c.Details).RootElement)).ToList());
    }
}
