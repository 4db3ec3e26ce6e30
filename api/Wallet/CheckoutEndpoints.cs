using FlashSale.Api.Identity;
using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Api.Wallet;

/// <summary>Merchants at the till: redeem the code a shopper shows, cancel an order they redeemed.</summary>
public static class CheckoutEndpoints
{
    public static void MapCheckout(this IEndpointRouteBuilder app)
    {
        var merchant = app.MapGroup("/api/merchant").WithTags("Checkout").RequireAuthorization(Roles.Merchant);

        merchant.MapPost("/redemptions", Redeem)
            .WithinChangeDeadline()
            .WithSummary("Redeem a coupon of your merchant's campaigns by its code against an order (role merchant). Idempotent by orderId; the order is your merchant's, shared by its tills.")
            .Accepts<MerchantRedeemRequest>("application/json")
            .Produces<RedemptionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        merchant.MapPost("/orders/{orderId}/refund", Refund)
            .WithinChangeDeadline()
            .WithSummary("Cancel an order your merchant's tills redeemed coupons on: they go back to their holders while still valid, gift cards get back what it took (role merchant).")
            .Produces<RefundResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Redeem(HttpContext context, IClusterClient cluster)
    {
        var (body, problem) = await JsonBody.Read<MerchantRedeemRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!WalletValidation.IsId(body!.Code))
        {
            errors["code"] = ["Required: the coupon's code."];
        }

        var order = WalletValidation.Order(body.OrderId, body.Amount, body.Currency, errors);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var result = await cluster.GetGrain<ICheckoutGrain>(0).Redeem(body.Code!, order!, Till(context));
        return WalletEndpoints.Answer(context, result);
    }

    private static async Task<IResult> Refund(string orderId, HttpContext context, IClusterClient cluster) =>
        !WalletValidation.IsId(orderId)
            ? WalletRefusals.Of(RefundOutcome.NotFound)
            : WalletEndpoints.Answer(orderId, await cluster.GetGrain<ICheckoutGrain>(0).Refund(orderId, Till(context)));

    private static MerchantUser Till(HttpContext context) => new(context.ShopperId(), context.User.MerchantId());
}
