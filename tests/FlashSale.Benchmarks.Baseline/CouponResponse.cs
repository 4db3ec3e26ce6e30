using FlashSale.Grains.Campaigns;

namespace FlashSale.Benchmarks.Baseline;

/// <summary>
/// The body FlashSale answers a claim of a <c>fixed</c> coupon with (same fields, same order), so the
/// load generator reads every system's answers alike and every system writes as many bytes.
/// </summary>
public sealed record CouponResponse(
    Guid CouponId,
    string Code,
    Guid CampaignId,
    string Kind,
    string Currency,
    decimal AmountOff,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The baselines issue one kind of coupon: ¥50 off, valid 7 days after its claim.</summary>
    public static CouponResponse Issue(Guid campaignId, DateTimeOffset now) =>
        new(Guid.NewGuid(), CouponCodes.New(), campaignId, "fixed", "CNY", 50m, now, now.AddDays(7));
}
