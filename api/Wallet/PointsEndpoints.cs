using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>Points: the shopper's balance, and admins' credits.</summary>
public static class PointsEndpoints
{
    private const long MaxCredit = 100_000_000;

    public static void MapPoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/points", Balance)
            .WithTags("Wallet")
            .RequireAuthorization(Roles.Shopper)
            .WithSummary("Your points balance and its latest 50 changes (role shopper)")
            .Produces<PointsResponse>();

        app.MapPost("/api/me/coupons/{id}/redeem-points", RedeemCard)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithTags("Wallet")
            .RequireAuthorization(Roles.Shopper)
            .WithSummary("Redeem one of your points cards into your points balance, once (role shopper)")
            .Produces<PointsCardResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/admin/points", Credit)
            .WithinChangeDeadline()
            .WithTags("Wallet")
            .RequireAuthorization(Roles.Admin)
            .WithSummary("Credit points to a shopper, with a note (role admin). With an Idempotency-Key header, a retry credits nothing more.")
            .Accepts<CreditRequest>("application/json")
            .Produces<CreditResponse>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> Balance(HttpContext context, IClusterClient cluster) =>
        Results.Ok(PointsResponse.Of(await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Points()));

    private static async Task<IResult> RedeemCard(string id, HttpContext context, IClusterClient cluster)
    {
        if (!Guid.TryParse(id, out var couponId))
        {
            return WalletRefusals.CouponNotFound();
        }

        var result = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).RedeemPointsCard(couponId);
        return result.Outcome == PointsCardOutcome.Credited
            ? Results.Ok(new PointsCardResponse(couponId, result.Credited, result.Balance))
            : WalletRefusals.Of(result.Outcome);
    }

    private static async Task<IResult> Credit(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<CreditRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = Claims.ClaimHeaders.OptionalKey(context.Request.Headers, errors);
        if (!WalletValidation.IsId(body!.ShopperId))
        {
            errors["shopperId"] = ["Required: the shopper's id."];
        }

        if (body.Points is not (>= 1 and <= MaxCredit))
        {
            errors["points"] = [$"Required: 1 to {MaxCredit}."];
        }

        if (string.IsNullOrWhiteSpace(body.Note) || body.Note.Length > 500 || body.Note.Any(char.IsControl))
        {
            errors["note"] = ["Required: why, 1 to 500 characters."];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var credit = await cluster.GetGrain<IWalletGrain>(body.ShopperId!).Credit(body.Points!.Value, body.Note!.Trim(), context.ShopperId(), key);
        if (credit.Outcome == PointsCreditOutcome.KeyReused)
        {
            return Problem.Of(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was used for another credit; use a new key for a new credit.");
        }

        if (credit.Outcome == PointsCreditOutcome.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Ok(new CreditResponse(body.ShopperId!, body.Points.Value, credit.Balance));
    }
}

public sealed record CreditRequest(string? ShopperId, long? Points, string? Note);

public sealed record CreditResponse(string ShopperId, long Credited, long Balance);

public sealed record PointsCardResponse(Guid CouponId, long Credited, long Balance);

public sealed record PointsEntryResponse(long Delta, string Reason, Guid? CouponId, Guid? CampaignId, string? Note, DateTimeOffset At);

public sealed record PointsResponse(long Balance, IReadOnlyList<PointsEntryResponse> Latest)
{
    public static PointsResponse Of(PointsBalance points) => new(points.Balance,
        [.. points.Latest.Select(e => new PointsEntryResponse(e.Delta, e.Reason, e.CouponId, e.CampaignId, e.Note, e.At))]);
}
