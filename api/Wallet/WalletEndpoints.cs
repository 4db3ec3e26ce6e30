using FlashSale.Api.Identity;
using FlashSale.Api.Paging;
using FlashSale.Api.Problems;
using FlashSale.Api.Risk;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>The shopper's own wallet: identity from the token, never from the path or body.</summary>
public static class WalletEndpoints
{
    // A shopper's order list is a few screens at most; older orders are in the coupons' histories.
    private const int OrdersListed = 50;

    public static void MapWallet(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Wallet").RequireAuthorization(Roles.Shopper);

        me.MapGet("/coupons", List)
            .WithSummary("Your coupons, newest first (role shopper). Query: status (available, redeemed, expired, transferred), limit (1-100, default 20), after (the previous page's next).")
            .Produces<WalletPageResponse>()
            .ProducesValidationProblem();

        me.MapPost("/coupons/{id}/redeem", Redeem)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Use one of your coupons on an order (role shopper). Idempotent by orderId: a retry gets the first answer.")
            .Accepts<RedeemRequest>("application/json")
            .Produces<RedemptionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        me.MapPost("/checkout/plan", Plan)
            .WithSummary("The set of your coupons that saves the most on an order of this amount, honouring each campaign's stacking rule (role shopper).")
            .Accepts<PlanRequest>("application/json")
            .Produces<PlanResponse>()
            .ProducesValidationProblem();

        me.MapPost("/checkout", Checkout)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Redeem several coupons on one order, all or none; without couponIds, the set that saves the most (role shopper). Idempotent by orderId.")
            .Accepts<CheckoutRequest>("application/json")
            .Produces<CheckoutResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        me.MapPost("/coupons/{id}/transfer", Transfer)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Give an available coupon to another shopper, when its campaign allows it (role shopper).")
            .Accepts<TransferRequest>("application/json")
            .Produces<TransferResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        me.MapGet("/orders", Orders)
            .WithSummary($"Your latest {OrdersListed} orders that used your coupons, newest first, with what each coupon took off and whether the order was cancelled (role shopper).")
            .Produces<CouponOrdersResponse>();

        me.MapPost("/orders/{orderId}/refund", Refund)
            .WithinChangeDeadline()
            .AddEndpointFilter<BlockedShoppersRefused>()
            .WithSummary("Cancel an order your coupons were used on: they come back while still valid, gift cards get the amount back (role shopper).")
            .Produces<RefundResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List(HttpContext context, IClusterClient cluster, string? status, string? limit, string? after)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wanted = WalletValidation.Status(status, errors);
        var (size, position) = Pages.Read(limit, after, errors);

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var page = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).List(new WalletQuery(wanted, position, size));
        return Results.Ok(WalletPageResponse.Of(page));
    }

    private static async Task<IResult> Redeem(string id, HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<RedeemRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var order = WalletValidation.Order(body!.OrderId, body.Amount, body.Currency, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        if (!Guid.TryParse(id, out var couponId))
        {
            return WalletRefusals.CouponNotFound();
        }

        return Answer(context, await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Redeem(couponId, order!));
    }

    private static async Task<IResult> Plan(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<PlanRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var order = WalletValidation.Order("plan", body!.Amount, body.Currency, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var plan = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Plan(order!.Amount, order.Currency);
        return Results.Ok(PlanResponse.Of(plan, order.Amount));
    }

    private static async Task<IResult> Checkout(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<CheckoutRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var order = WalletValidation.Order(body!.OrderId, body.Amount, body.Currency, errors);
        if (body.CouponIds is { } ids && (ids.Length is 0 or > WalletValidation.MaxCouponsPerOrder || ids.Distinct().Count() != ids.Length))
        {
            errors["couponIds"] = [$"1 to {WalletValidation.MaxCouponsPerOrder} distinct coupon ids, or left out for the best set."];
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var result = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Checkout(order!, [.. body.CouponIds ?? []]);
        switch (result.Outcome)
        {
            case RedeemOutcome.Redeemed:
                return Results.Ok(CheckoutResponse.Of(order!, result));
            case RedeemOutcome.Replayed:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Ok(CheckoutResponse.Of(order!, result));
            default:
                return WalletRefusals.Of(result.Outcome, result.RefusedCoupon);
        }
    }

    private static async Task<IResult> Transfer(string id, HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<TransferRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (!WalletValidation.IsId(body!.To))
        {
            return Problem.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["to"] = ["Required: the recipient's shopper id."] });
        }

        if (!Guid.TryParse(id, out var couponId))
        {
            return WalletRefusals.CouponNotFound();
        }

        var result = await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Transfer(couponId, body.To!);
        return result.Outcome == TransferOutcome.Transferred
            ? Results.Ok(new TransferResponse(couponId, body.To!, result.TransferredAt!.Value))
            : WalletRefusals.Of(result.Outcome);
    }

    private static async Task<IResult> Orders(HttpContext context, IClusterClient cluster) =>
        Results.Ok(CouponOrdersResponse.Of(await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Orders(OrdersListed)));

    private static async Task<IResult> Refund(string orderId, HttpContext context, IClusterClient cluster) =>
        !WalletValidation.IsId(orderId)
            ? WalletRefusals.Of(RefundOutcome.NotFound)
            : Answer(orderId, await cluster.GetGrain<IWalletGrain>(context.ShopperId()).Refund(orderId));

    /// <summary>A redemption's answer; a replay says so in a header, as claims do.</summary>
    public static IResult Answer(HttpContext context, RedeemResult result)
    {
        switch (result.Outcome)
        {
            case RedeemOutcome.Redeemed:
                return Results.Ok(RedemptionResponse.Of(result.Redemption!));
            case RedeemOutcome.Replayed:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Ok(RedemptionResponse.Of(result.Redemption!));
            default:
                return WalletRefusals.Of(result.Outcome);
        }
    }

    public static IResult Answer(string orderId, RefundResult result) =>
        result.Outcome == RefundOutcome.Refunded
            ? Results.Ok(new RefundResponse(orderId, [.. result.Uses.Select(RefundedUseResponse.Of)]))
            : WalletRefusals.Of(result.Outcome);
}
