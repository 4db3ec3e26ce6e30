using FlashSale.Api.Campaigns;
using FlashSale.Api.Gates;
using FlashSale.Api.Identity;
using FlashSale.Api.Live;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.GrainInterfaces.Claims;
using FlashSale.GrainInterfaces.Gates;

namespace FlashSale.Api.Claims;

public static class ClaimEndpoints
{
    public static void MapClaims(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/campaigns/{id}/claims", Claim)
            .WithTags("Claims")
            .RequireAuthorization(Roles.Shopper)
            .WithSummary("Claim a coupon (role shopper). Headers: Idempotency-Key, X-Device-Id. A replayed key returns the original coupon.")
            .Produces<ClaimResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Claim(
        string id, HttpContext context, CampaignGrains campaigns, LocalGates gates, UnknownCampaigns unknown, ClaimScreening screening,
        LocalRefusals localRefusals, TimeProvider clock)
    {
        var (key, device, errors) = ClaimHeaders.Read(context.Request.Headers);
        if (errors.Count > 0)
        {
            return Problem.InvalidHeaders(errors);
        }

        if (!Guid.TryParse(id, out var campaignId) || unknown.Contains(campaignId))
        {
            return CampaignEndpoints.NotFound();
        }

        var shopperId = context.ShopperId();
        var gate = gates.For(campaignId);
        var now = clock.GetUtcNow();
        if (screening.Screen(context, campaignId, shopperId, device, gate, now) is { } blocked)
        {
            localRefusals.Count(campaignId, "risk_blocked");
            return blocked;
        }

        if (gate?.RefusalFor(shopperId, now) is { } refusal)
        {
            localRefusals.Count(campaignId, ClaimOutcomeCodes.Of(refusal));
            return Refusal(refusal, gate, now);
        }

        var result = await campaigns.Of(campaignId).Claim(new ClaimRequest(shopperId, device, key));
        if (result.Gate is not null)
        {
            gates.Learn(result.Gate);
        }

        if (result.Outcome == ClaimOutcome.CampaignNotFound)
        {
            unknown.Remember(campaignId);
        }

        switch (result.Outcome)
        {
            case ClaimOutcome.Issued:
                return Results.Created((string?)null, ClaimResponse.Of(result.Coupon!));
            case ClaimOutcome.Replayed:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Created((string?)null, ClaimResponse.Of(result.Coupon!));
            default:
                return Refusal(result.Outcome, result.Gate, result.Now ?? now);
        }
    }

    private static IResult Refusal(ClaimOutcome outcome, CampaignGate? gate, DateTimeOffset now) => outcome switch
    {
        ClaimOutcome.CampaignNotFound => CampaignEndpoints.NotFound(),
        ClaimOutcome.NotStarted => Problem.Of(StatusCodes.Status409Conflict, "not_started", "The sale has not started yet.",
            extensions: new Dictionary<string, object?> { ["startsAt"] = gate?.StartsAt, ["now"] = now }),
        ClaimOutcome.Ended => Problem.Of(StatusCodes.Status409Conflict, "ended", "The sale has ended.",
            extensions: new Dictionary<string, object?> { ["endsAt"] = gate?.EndsAt }),
        ClaimOutcome.SoldOut => Problem.Of(StatusCodes.Status409Conflict, "sold_out", "Every coupon of this campaign has been claimed."),
        ClaimOutcome.LimitReached => Problem.Of(StatusCodes.Status409Conflict, "limit_reached",
            "You already hold as many coupons of this campaign as it allows."),
        ClaimOutcome.DeviceLimitReached => Problem.Of(StatusCodes.Status409Conflict, "device_limit_reached",
            "This device has reached a limit this campaign sets on devices."),
        ClaimOutcome.DailyLimitReached => Problem.Of(StatusCodes.Status409Conflict, "daily_limit_reached",
            "You have claimed as many coupons today as allowed."),
        ClaimOutcome.InsufficientPoints => Problem.Of(StatusCodes.Status409Conflict, "insufficient_points",
            "Your points do not cover this coupon's price."),
        ClaimOutcome.KeyReused => Problem.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request; use a fresh key for a new claim."),
        _ => Results.Extensions.Unavailable(),
    };
}
