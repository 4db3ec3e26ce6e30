namespace FlashSale.GrainInterfaces.Campaigns;

[GenerateSerializer, Alias("FlashSale.CouponKind")]
public enum CouponKind
{
    /// <summary>A fixed amount off the order.</summary>
    Fixed,
    /// <summary>A percentage off the order, capped at <see cref="CouponTerms.MaxDiscount"/>.</summary>
    Percent,
    /// <summary>Spend at least <see cref="CouponTerms.MinSpend"/>, save <see cref="CouponTerms.AmountOff"/>.</summary>
    Threshold,
    /// <summary>A balance of <see cref="CouponTerms.CardValue"/>, spent across orders until it is used up.</summary>
    Giftcard,
    /// <summary>Worth <see cref="CouponTerms.Points"/> points, credited to the holder's balance when redeemed.</summary>
    Points,
}

/// <summary>What a coupon is worth. Only the fields its <see cref="Kind"/> uses are set.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponTerms")]
public sealed record CouponTerms(
    [property: Id(0)] CouponKind Kind,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal? AmountOff,
    [property: Id(3)] decimal? PercentOff,
    [property: Id(4)] decimal? MaxDiscount,
    [property: Id(5)] decimal? MinSpend,
    [property: Id(6)] decimal? CardValue = null,
    [property: Id(7)] long? Points = null);

/// <summary>How long a claimed coupon stays usable: until an instant, or for a number of days (or a duration) after the claim.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.CouponValidity")]
public sealed record CouponValidity(
    [property: Id(0)] DateTimeOffset? Until,
    [property: Id(1)] int? DaysAfterClaim,
    [property: Id(2)] TimeSpan? AfterClaim = null)
{
    public DateTimeOffset ExpiryFor(DateTimeOffset claimedAt) =>
        Until ?? (AfterClaim is { } span ? claimedAt + span : claimedAt.AddDays(DaysAfterClaim ?? 0));
}
