using FlashSale.Api.Campaigns;
using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.Api.Claims;

/// <param name="Kind"><c>fixed</c>, <c>percent</c>, <c>threshold</c> or <c>giftcard</c>; the values that apply to it are set.</param>
/// <param name="Code">
/// Null in a replay once the coupon was given away (<paramref name="GivenAway"/>): the code is its new
/// holder's; and on a paid sale, whose coupon is the shopper's only once <paramref name="Order"/> is paid.
/// </param>
/// <param name="Order">On a paid sale: the order this claim placed, to be paid by its deadline.</param>
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
    bool GivenAway,
    PlacedOrderResponse? Order = null)
{
    /// <param name="placed">True when this answer placed <paramref name="order"/> (false: a replay, the order may be paid by now).</param>
    public static ClaimResponse Of(IssuedCoupon coupon, PlacedOrder? order = null, bool placed = false)
    {
        var terms = coupon.Terms;
        return new ClaimResponse(coupon.CouponId, coupon.Code, coupon.CampaignId, CouponTermsResponse.KindName(terms.Kind),
            terms.Currency, terms.AmountOff, terms.PercentOff, terms.MaxDiscount, terms.MinSpend, terms.CardValue, terms.Points, coupon.IssuedAt, coupon.ExpiresAt,
            coupon.Code is null && order is null, order is null ? null : PlacedOrderResponse.Of(order, placed));
    }
}

/// <summary>An order a claim placed: pay it with <c>POST /api/orders/{orderId}/payment</c> before <paramref name="Deadline"/>.</summary>
/// <param name="Status"><c>pending_payment</c> in the answer that placed it; absent in a replay, whose order may be paid or
/// lapsed by now (<c>GET /api/orders/{orderId}</c> says).</param>
/// <param name="Amount">The cash price in yuan; <paramref name="AmountFen"/> in fen, as gateways take it.</param>
public sealed record PlacedOrderResponse(Guid OrderId, string? Status, decimal Amount, long AmountFen, int Points, DateTimeOffset Deadline)
{
    public static PlacedOrderResponse Of(PlacedOrder order, bool placed) =>
        new(order.OrderId, placed ? "pending_payment" : null, order.AmountFen / 100m, order.AmountFen, order.Points, order.Deadline);
}
