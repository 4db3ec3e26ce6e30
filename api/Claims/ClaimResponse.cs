using FlashSale.Api.Campaigns;
using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.Api.Claims;

/// <param name="Kind"><c>fixed</c>, <c>percent</c>, <c>threshold</c> or <c>giftcard</c>; the values that apply to it are set.</param>
/// <param name="Code">Null in a replay once the coupon was given away (<paramref name="GivenAway"/>): the code is its new holder's.</param>
public sealed record ClaimResponse(
    Guid CouponId,
    string? Code,
    Guid CampaignId,
    string Kind,
    string Currency,
    decimal? AmountOff,
    decimal? PercentOff,
    decimal? MaxDiscount,
    decimal? MinSpend,
    decimal? CardValue,
    long? Points,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool GivenAway)
{
    public static ClaimResponse Of(IssuedCoupon coupon)
    {
        var terms = coupon.Terms;
        return new ClaimResponse(coupon.CouponId, coupon.Code, coupon.CampaignId, CouponTermsResponse.KindName(terms.Kind),
            terms.Currency, terms.AmountOff, terms.PercentOff, terms.MaxDiscount, terms.MinSpend, terms.CardValue, terms.Points, coupon.IssuedAt, coupon.ExpiresAt,
            coupon.Code is null);
    }
}
