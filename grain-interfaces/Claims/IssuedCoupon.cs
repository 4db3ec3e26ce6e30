using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.GrainInterfaces.Claims;

/// <summary>A coupon committed to the ledger.</summary>
/// <param name="Code">
/// What a till redeems it by; null in a replay once the coupon has been given away: the code then
/// belongs to its new holder, who got a new one.
/// </param>
[GenerateSerializer, Immutable, Alias("FlashSale.IssuedCoupon")]
public sealed record IssuedCoupon(
    [property: Id(0)] Guid CouponId,
    [property: Id(1)] string? Code,
    [property: Id(2)] Guid CampaignId,
    [property: Id(3)] CouponTerms Terms,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt);
