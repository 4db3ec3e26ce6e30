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
            .WithSummary("Claim a coupon (role shopper). Headers: Idempotency-Key, X-Device-Id. A replayed key returns the original coupon. "
                + "On a campaign of batches, say which: ?batch=KEY; on one of variants, the shopper's own variant is chosen.")
            .Produces<ClaimResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Claim(
        string id, string? batch, HttpContext context, CampaignGrains campaigns, LocalGates gates, UnknownCampaigns unknown,
        ClaimScreening screening, LocalRefusals localRefusals, CampaignUnitsCache units, MissingHolders missingHolders, GateFetches gateFetches,
        TimeProvider clock)
    {
        try
        {
            var (key, device, errors) = ClaimHeaders.Read(context.Request.Headers);
            if (errors.Count > 0)
            {
                ClaimMetrics.RefusedByNode("invalid_header");
                return Problem.InvalidHeaders(errors);
            }

            if (!Guid.TryParse(id, out var campaignId) || unknown.Contains(campaignId))
            {
                ClaimMetrics.RefusedByNode(NotFoundCode);
                return CampaignEndpoints.NotFound();
            }

            var shopperId = context.ShopperId();
            var tier = context.ShopperTier();
            // A group's claims go to one of its batches or variants, each a campaign of its own from here on.
            var (target, unitProblem) = await units.ClaimTargetAsync(campaignId, batch, shopperId);
            if (target is not { } unitId)
            {
                if (unitProblem is not null)
                {
                    ClaimMetrics.RefusedByNode(Problem.CodeOf(unitProblem));
                    return unitProblem;
                }

                unknown.Remember(campaignId);
                ClaimMetrics.RefusedByNode(NotFoundCode);
                return CampaignEndpoints.NotFound();
            }

            Guid? groupId = unitId != campaignId ? campaignId : null;
            campaignId = unitId;
            var gate = gates.For(campaignId);
            var opensAt = (gate ?? await gateFetches.HeldOrFetchedAsync(campaignId))?.OpensFor(tier);
            var now = clock.GetUtcNow();
            if (await screening.ScreenAsync(context, campaignId, groupId, shopperId, device, key, opensAt, now) is { } screened)
            {
                var code = Problem.CodeOf(screened);
                localRefusals.Count(campaignId, code);
                ClaimMetrics.RefusedByNode(code);
                return screened;
            }

            if (gate?.RefusalFor(shopperId, tier, now) is { } refusal)
            {
                var code = ClaimOutcomeCodes.Of(refusal);
                localRefusals.Count(campaignId, code);
                ClaimMetrics.RefusedByNode(code);
                return Refusal(refusal, gate, tier, now);
            }

            var result = await campaigns.Of(campaignId).Claim(new ClaimRequest(shopperId, device, key, tier));
            if (result.Gate is not null)
            {
                gates.Learn(result.Gate);
                missingHolders.Check(campaignId);
            }

            if (result.Outcome == ClaimOutcome.CampaignNotFound)
            {
                unknown.Remember(campaignId);
            }

            switch (result.Outcome)
            {
                case ClaimOutcome.Issued:
                    ClaimMetrics.Issued();
                    return Results.Created((string?)null, ClaimResponse.Of(result.Coupon!));
                case ClaimOutcome.Ordered:
                    ClaimMetrics.Issued();
                    return Results.Created($"/api/orders/{result.Order!.OrderId}", ClaimResponse.Of(result.Coupon!, result.Order, placed: true));
                case ClaimOutcome.Replayed:
                    ClaimMetrics.Replayed();
                    context.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Created((string?)null, ClaimResponse.Of(result.Coupon!, result.Order));
                default:
                    // A draft is "not found" to shoppers, as the answer says.
                    ClaimMetrics.RefusedByGrain(result.Outcome == ClaimOutcome.Draft ? NotFoundCode : ClaimOutcomeCodes.Of(result.Outcome));
                    return Refusal(result.Outcome, result.Gate, tier, result.Now ?? now);
            }
        }
        // Counted without catching: the exception handler still turns it into a 503.
        catch (Exception) when (CountedAsUnavailable())
        {
            throw;
        }
    }

    private static bool CountedAsUnavailable()
    {
        ClaimMetrics.RefusedByGrain(ClaimOutcomeCodes.Of(ClaimOutcome.Unavailable));
        return false;
    }

    private static readonly string NotFoundCode = ClaimOutcomeCodes.Of(ClaimOutcome.CampaignNotFound);

    private static IResult Refusal(ClaimOutcome outcome, CampaignGate? gate, string? tier, DateTimeOffset now)
    {
        (int Status, string Title, Dictionary<string, object?>? Extensions)? refusal = outcome switch
        {
            ClaimOutcome.NotStarted => (StatusCodes.Status409Conflict, "The sale has not started yet.",
                new(StringComparer.Ordinal) { ["startsAt"] = gate?.OpensFor(tier), ["now"] = now }),
            ClaimOutcome.Ended => (StatusCodes.Status409Conflict, "The sale has ended.", new(StringComparer.Ordinal) { ["endsAt"] = gate?.EndsAt }),
            ClaimOutcome.SoldOut => (StatusCodes.Status409Conflict, "Every coupon of this campaign has been claimed.", null),
            ClaimOutcome.LimitReached => (StatusCodes.Status409Conflict, "You already hold as many coupons of this campaign as it allows.", null),
            ClaimOutcome.DeviceLimitReached => (StatusCodes.Status409Conflict, "This device has reached a limit this campaign sets on devices.", null),
            ClaimOutcome.DailyLimitReached => (StatusCodes.Status409Conflict, "You have claimed as many coupons today as allowed.", null),
            ClaimOutcome.InsufficientPoints => (StatusCodes.Status409Conflict, "Your points do not cover this coupon's price.", null),
            ClaimOutcome.Paused => (StatusCodes.Status409Conflict, "The sale is paused; try again when it resumes.", null),
            ClaimOutcome.KeyReused => (StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used for a different request; use a fresh key for a new claim.", null),
            _ => null,
        };
        return outcome is ClaimOutcome.CampaignNotFound or ClaimOutcome.Draft ? CampaignEndpoints.NotFound()
            : refusal is { } r ? Problem.Of(r.Status, ClaimOutcomeCodes.Of(outcome), r.Title, extensions: r.Extensions)
            : Results.Extensions.Unavailable();
    }
}
