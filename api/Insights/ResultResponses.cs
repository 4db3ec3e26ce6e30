using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Insights;

/// <summary>A campaign's sale over time, in equal buckets (at most 600) from its opening to its sell-out, end or now.</summary>
/// <param name="BucketSeconds">Each point's width: one second, widened for long sales so that the points stay at most 600.</param>
/// <param name="Stock">What the sale could sell: the sell-out curve's ceiling.</param>
/// <param name="Issued">Coupons in hand, all told (<c>issuedBefore</c> + the points' + <c>issuedAfter</c>).</param>
/// <param name="SoldOutAt">The last coupon's issue, while the stock is all taken; the window then runs 10 s past it, for the refusals it drew.</param>
/// <param name="RefusalCodes">Every refusal code in <c>points</c>, for a stacked chart's series.</param>
/// <param name="IssuedBefore">Coupons issued before <c>from</c>.</param>
/// <param name="IssuedAfter">Coupons issued from <c>to</c> on (a top-up after the sell-out).</param>
public sealed record TimelineResponse(Guid CampaignId, DateTimeOffset From, DateTimeOffset To, int BucketSeconds, int Stock, int Issued,
    DateTimeOffset? SoldOutAt, IReadOnlyList<string> RefusalCodes, IReadOnlyList<TimelinePoint> Points, int IssuedBefore, int IssuedAfter)
{
    public static TimelineResponse Of(CampaignTimeline timeline)
    {
        var cumulative = timeline.IssuedBefore;
        var points = timeline.Buckets.Select(b => new TimelinePoint(b.At, b.Issued, cumulative += b.Issued, b.Redeemed, b.Refusals)).ToList();
        var codes = timeline.Buckets.SelectMany(b => b.Refusals.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TimelineResponse(timeline.CampaignId, timeline.From, timeline.To, timeline.BucketSeconds, timeline.Stock,
            cumulative + timeline.IssuedAfter, timeline.SoldOutAt, codes, points, timeline.IssuedBefore, timeline.IssuedAfter);
    }
}

/// <summary>One bucket, starting at <paramref name="At"/>.</summary>
/// <param name="Issued">Coupons issued in it.</param>
/// <param name="Cumulative">Coupons issued up to its end: the sell-out curve.</param>
/// <param name="Redeemed">Uses on orders made in it that still stand (a redemption during the sale).</param>
/// <param name="Refusals">Refused claims by code, dated when the campaign saved them (every 5 s, so up to 5 s late);
/// <c>not_started</c> and <c>ended</c> come before and after the sale and are not kept over time.</param>
public sealed record TimelinePoint(DateTimeOffset At, int Issued, int Cumulative, int Redeemed, IReadOnlyDictionary<string, long> Refusals);

/// <summary>
/// What a campaign returned for what it gave, from its ledger (a group's: its batches' or variants' together).
/// Money is in <paramref name="Currency"/> (yuan for CNY); points are points, never turned into money.
/// </summary>
/// <param name="Issued">Coupons in hand (a paid sale's: paid orders less refunds that gave their unit back).</param>
/// <param name="Redeemed">Coupons with a standing (not refunded) use on an order.</param>
/// <param name="RedemptionRate">Redeemed over issued, 0 to 1.</param>
/// <param name="OrderValue">Order value driven: the amount of every order a standing use of the campaign's coupons is on
/// (an order carrying coupons of two campaigns counts for both).</param>
/// <param name="DiscountCost">The discount those uses took off (gift card spends included).</param>
/// <param name="PointsSpent">Points-priced coupons: the points shoppers paid to claim them, less those given back when an order lapsed
/// or was refunded. Points the merchant took in, not a cost.</param>
/// <param name="PointsGranted">Points cards (<c>coupon.kind: points</c>): the points they credited to shoppers when turned into points.
/// The campaign's points cost.</param>
/// <param name="SaleRevenue">A paid sale's captured payments for orders that stand paid, in yuan; absent for other campaigns.</param>
/// <param name="Roi">(order value − discount cost) / discount cost, rounded to 4 places; absent while nothing was discounted.
/// Points and paid-sale revenue are reported beside it, not in it.</param>
public sealed record RoiResponse(Guid CampaignId, string Name, string Currency, DateTimeOffset? StartsAt, int Issued, int Redeemed,
    double RedemptionRate, decimal OrderValue, decimal DiscountCost, long PointsSpent, long PointsGranted, decimal? SaleRevenue, decimal? Roi)
{
    public static RoiResponse Of(CampaignRoi r) => new(r.CampaignId, r.Name, r.Currency, r.StartsAt, r.Issued, r.Redeemed,
        r.Issued == 0 ? 0 : Math.Round((double)r.Redeemed / r.Issued, 4), r.OrderValue, r.DiscountCost, r.PointsSpent, r.PointsGranted,
        r.PaidSale ? r.SaleRevenueFen / 100m : null, r.DiscountCost == 0 ? null : Math.Round((r.OrderValue - r.DiscountCost) / r.DiscountCost, 4));
}

/// <summary>Rows of a comparison table, in the order the ids were given, or latest opening first.</summary>
public sealed record RoiComparisonResponse(IReadOnlyList<RoiResponse> Campaigns);
