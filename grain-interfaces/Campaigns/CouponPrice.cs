namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// What a coupon costs to claim: points, debited with the claim; and a cash part, which the
/// coupon's terms show and the merchant's own payment collects.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponPrice")]
public sealed record CouponPrice(
    [property: Id(0)] int Points,
    [property: Id(1)] decimal? Cash);
