using FlashSale.Api.Problems;
using FlashSale.GrainInterfaces.Wallet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlashSale.Api.Wallet;

/// <summary>Wallet outcomes as problems with stable codes.</summary>
public static class WalletRefusals
{
    // Not "not yours": someone probing codes or ids learns nothing about coupons they do not hold.
    public static IResult CouponNotFound() => Problem.Of(StatusCodes.Status404NotFound, "coupon_not_found", "No such coupon in your wallet.");

    /// <summary>A checkout's refusal names the coupon that stopped it.</summary>
    public static IResult Of(RedeemOutcome outcome, Guid? couponId) =>
        couponId is { } id && Of(outcome) is ProblemHttpResult problem
            ? Problem.Of(problem.StatusCode, (string)problem.ProblemDetails.Extensions["code"]!, problem.ProblemDetails.Title!,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["couponId"] = id })
            : Of(outcome);

    public static IResult Of(RedeemOutcome outcome) => outcome switch
    {
        RedeemOutcome.NotFound => CouponNotFound(),
        RedeemOutcome.Expired => Expired(),
        RedeemOutcome.AlreadyRedeemed => AlreadyRedeemed(),
        RedeemOutcome.BelowMinSpend => Problem.Of(StatusCodes.Status409Conflict, "below_min_spend",
            "The order is below this coupon's minimum spend."),
        RedeemOutcome.CurrencyMismatch => Problem.Of(StatusCodes.Status422UnprocessableEntity, "currency_mismatch",
            "The order's currency is not the coupon's."),
        RedeemOutcome.OrderConflict => Problem.Of(StatusCodes.Status409Conflict, "order_conflict",
            "This order already used this coupon with another amount or currency, or was refunded; use a new order id."),
        RedeemOutcome.NotStackable => Problem.Of(StatusCodes.Status409Conflict, "not_stackable",
            "These coupons cannot be used together on one order: one is exclusive, or two are from one campaign."),
        RedeemOutcome.PointsCard => Problem.Of(StatusCodes.Status409Conflict, "points_card",
            "A points card is redeemed into your points balance (POST /api/me/coupons/{id}/redeem-points), not on an order."),
        RedeemOutcome.OrderFull => Problem.Of(StatusCodes.Status409Conflict, "order_coupon_limit",
            $"An order carries at most {WalletValidation.MaxCouponsPerOrder} coupons."),
        RedeemOutcome.NothingToDiscount => Problem.Of(StatusCodes.Status409Conflict, "nothing_to_discount",
            "The order's other coupons already take its whole amount off: this one would take nothing, and stays in your wallet."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    public static IResult Of(TransferOutcome outcome) => outcome switch
    {
        TransferOutcome.NotFound => CouponNotFound(),
        TransferOutcome.NotTransferable => Problem.Of(StatusCodes.Status409Conflict, "not_transferable",
            "This campaign's coupons cannot be given away."),
        TransferOutcome.Expired => Expired(),
        TransferOutcome.AlreadyRedeemed => AlreadyRedeemed(),
        TransferOutcome.RecipientLimitReached => Problem.Of(StatusCodes.Status409Conflict, "recipient_limit_reached",
            "The recipient already holds as many coupons of this campaign as it allows."),
        TransferOutcome.InvalidRecipient => Problem.Of(StatusCodes.Status422UnprocessableEntity, "invalid_recipient",
            "A coupon cannot be given to its holder."),
        TransferOutcome.RecipientInOtherVariant => Problem.Of(StatusCodes.Status409Conflict, "recipient_in_other_variant",
            "This campaign counts received coupons against its per-user limit, and the recipient is in another of its variants."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    public static IResult Of(PointsCardOutcome outcome) => outcome switch
    {
        PointsCardOutcome.NotFound => CouponNotFound(),
        PointsCardOutcome.NotPointsCard => Problem.Of(StatusCodes.Status409Conflict, "not_a_points_card", "This coupon is not a points card."),
        PointsCardOutcome.AlreadyRedeemed => AlreadyRedeemed(),
        PointsCardOutcome.Expired => Expired(),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    public static IResult Of(RefundOutcome outcome) => outcome switch
    {
        RefundOutcome.NotFound => Problem.Of(StatusCodes.Status404NotFound, "order_not_found",
            "You made no order with this id: only whoever redeemed coupons on an order (the shopper, or the merchant's tills) can cancel it."),
        RefundOutcome.AlreadyRefunded => Problem.Of(StatusCodes.Status409Conflict, "already_refunded", "This order was already refunded."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a refusal."),
    };

    private static IResult Expired() => Problem.Of(StatusCodes.Status409Conflict, "expired", "This coupon has expired.");

    private static IResult AlreadyRedeemed() => Problem.Of(StatusCodes.Status409Conflict, "already_redeemed", "This coupon has already been used.");
}
