using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>A redemption undone by cancelling its order: the coupon back, or the gift card's amount back.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.RefundedUse")]
public sealed record RefundedUse(
    [property: Id(0)] Guid CouponId,
    [property: Id(1)] decimal Discount,
    [property: Id(2)] CouponStatus StatusNow,
    [property: Id(3)] decimal? BalanceNow);

[GenerateSerializer, Alias("FlashSale.RefundOutcome")]
public enum RefundOutcome
{
    Refunded,
    /// <summary>No redemption of this order that the caller may cancel.</summary>
    NotFound,
    AlreadyRefunded,
}

[GenerateSerializer, Immutable, Alias("FlashSale.RefundResult")]
public sealed record RefundResult(
    [property: Id(0)] RefundOutcome Outcome,
    [property: Id(1)] ImmutableArray<RefundedUse> Uses);
