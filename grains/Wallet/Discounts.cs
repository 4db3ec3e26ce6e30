using FlashSale.GrainInterfaces.Campaigns;
using FlashSale.GrainInterfaces.Wallet;

namespace FlashSale.Grains.Wallet;

/// <summary>What a coupon takes off an order, by its kind, and why it cannot be used on one.</summary>
public static class Discounts
{
    public static RedeemOutcome? Refusal(CouponRow coupon, OrderAmount order, DateTimeOffset now) => coupon.StatusAt(now) switch
    {
        CouponStatus.Redeemed => RedeemOutcome.AlreadyRedeemed,
        CouponStatus.Expired => RedeemOutcome.Expired,
        // A points card is turned into points, not used on an order.
        _ when coupon.Terms.Kind == CouponKind.Points => RedeemOutcome.PointsCard,
        _ when order.Currency != coupon.Terms.Currency => RedeemOutcome.CurrencyMismatch,
        _ when coupon.Terms.Kind == CouponKind.Threshold && order.Amount < coupon.Terms.MinSpend => RedeemOutcome.BelowMinSpend,
        _ => null,
    };

    /// <summary>Never more than the order's amount; percentages round half away from zero to the cent.</summary>
    public static decimal Of(CouponRow coupon, decimal amount)
    {
        var terms = coupon.Terms;
        var off = terms.Kind switch
        {
            CouponKind.Fixed or CouponKind.Threshold => terms.AmountOff!.Value,
            CouponKind.Percent => Math.Min(
                decimal.Round(amount * terms.PercentOff!.Value / 100m, 2, MidpointRounding.AwayFromZero),
                terms.MaxDiscount ?? decimal.MaxValue),
            CouponKind.Giftcard => coupon.BalanceLeft,
            _ => 0m,
        };
        return Math.Min(off, amount);
    }
}
