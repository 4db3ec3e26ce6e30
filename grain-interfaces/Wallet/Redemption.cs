using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>The rules every order keeps, whatever routes its coupons came by (README "Money rules", M1).</summary>
public static class OrderRules
{
    /// <summary>The most coupons one order carries; the database's <c>orders_coupon_limit</c> says the same.</summary>
    public const int MaxCoupons = 20;
}

/// <summary>An order at checkout: the amount a coupon is used against.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.OrderAmount")]
public sealed record OrderAmount(
    [property: Id(0)] string OrderId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency);

/// <summary>One use of a coupon by one order.</summary>
/// <param name="BalanceLeft">Gift cards: what is left after this use.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.Redemption")]
public sealed record Redemption(
    [property: Id(0)] Guid RedemptionId,
    [property: Id(1)] Guid CouponId,
    [property: Id(2)] string OrderId,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] decimal Discount,
    [property: Id(6)] decimal? BalanceLeft,
    [property: Id(7)] DateTimeOffset RedeemedAt);

[GenerateSerializer, Alias("FlashSale.RedeemOutcome")]
public enum RedeemOutcome
{
    Redeemed,
    /// <summary>The order already used this coupon: its first answer again.</summary>
    Replayed,
    /// <summary>No such coupon, or not the caller's: the two are not told apart.</summary>
    NotFound,
    Expired,
    AlreadyRedeemed,
    /// <summary>A threshold coupon on an order below its minimum spend.</summary>
    BelowMinSpend,
    CurrencyMismatch,
    /// <summary>The order used this coupon before, with another amount, or was refunded.</summary>
    OrderConflict,
    /// <summary>An exclusive coupon with others in one order, or two coupons of one campaign.</summary>
    NotStackable,
    /// <summary>A points card: it is redeemed into points, not on an order.</summary>
    PointsCard,
    /// <summary>The order already holds as many coupons as one order may.</summary>
    OrderFull,
    /// <summary>The order's earlier coupons already take its whole amount off: this one would take nothing.</summary>
    NothingToDiscount,
}

[GenerateSerializer, Immutable, Alias("FlashSale.RedeemResult")]
public sealed record RedeemResult(
    [property: Id(0)] RedeemOutcome Outcome,
    [property: Id(1)] Redemption? Redemption = null);

/// <summary>A checkout of several coupons: all redeemed, or none, with the one that stopped it.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CheckoutResult")]
public sealed record CheckoutResult(
    [property: Id(0)] RedeemOutcome Outcome,
    [property: Id(1)] ImmutableArray<Redemption> Redemptions,
    [property: Id(2)] Guid? RefusedCoupon = null);

/// <summary>The coupons a checkout would use, and what each would take off.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CheckoutPlan")]
public sealed record CheckoutPlan(
    [property: Id(0)] ImmutableArray<PlannedUse> Uses,
    [property: Id(1)] decimal TotalDiscount);

[GenerateSerializer, Immutable, Alias("FlashSale.PlannedUse")]
public sealed record PlannedUse(
    [property: Id(0)] Guid CouponId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string CampaignName,
    [property: Id(3)] decimal Discount);
