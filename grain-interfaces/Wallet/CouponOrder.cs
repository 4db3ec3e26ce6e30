using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Wallet;

/// <summary>An order a shopper used their coupons on (one at a time or at checkout), as their order list shows it.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponOrder")]
public sealed record CouponOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? CancelledAt,
    [property: Id(5)] ImmutableArray<CouponOrderUse> Uses);

/// <summary>One coupon's use on the order: what it took off (a gift card, what it paid).</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponOrderUse")]
public sealed record CouponOrderUse(
    [property: Id(0)] Guid CouponId,
    [property: Id(1)] Guid CampaignId,
    [property: Id(2)] string CampaignName,
    [property: Id(3)] decimal Discount);
