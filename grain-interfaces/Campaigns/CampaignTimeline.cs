using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>A campaign's sale in equal buckets, from its opening to its sell-out, end or now.</summary>
/// <param name="Stock">The stock the sale could sell (its units' together, recycled units included).</param>
/// <param name="IssuedBefore">Coupons issued before <see cref="From"/> (none unless a top-up reopened a sold-out sale).</param>
/// <param name="IssuedAfter">Coupons issued from <see cref="To"/> on (a top-up after the sell-out).</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignTimeline")]
public sealed record CampaignTimeline(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] int BucketSeconds,
    [property: Id(4)] int Stock,
    [property: Id(5)] DateTimeOffset? SoldOutAt,
    [property: Id(6)] ImmutableArray<TimelineBucket> Buckets,
    [property: Id(7)] int IssuedBefore,
    [property: Id(8)] int IssuedAfter);

/// <summary>One bucket, starting at <see cref="At"/>: coupons issued, standing redemptions made, refusals by code saved in it.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.TimelineBucket")]
public sealed record TimelineBucket(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Issued,
    [property: Id(2)] int Redeemed,
    [property: Id(3)] ImmutableDictionary<string, long> Refusals);

/// <summary>A campaign's return, from its ledger (a group's: its units' together).</summary>
/// <param name="OrderValue">The amount of every order a standing (not refunded) use of its coupons was on.</param>
/// <param name="DiscountCost">The discount of those uses (gift card spends included).</param>
/// <param name="PointsSpent">Points shoppers paid for its coupons (points-priced claims), less those given back (lapsed or refunded orders).</param>
/// <param name="PointsGranted">Points its points cards credited to shoppers.</param>
/// <param name="SaleRevenueFen">A paid sale's captured payments of orders that stand paid, in fen.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignRoi")]
public sealed record CampaignRoi(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Currency,
    [property: Id(3)] DateTimeOffset? StartsAt,
    [property: Id(4)] int Issued,
    [property: Id(5)] int Redeemed,
    [property: Id(6)] decimal OrderValue,
    [property: Id(7)] decimal DiscountCost,
    [property: Id(8)] long PointsSpent,
    [property: Id(9)] long PointsGranted,
    [property: Id(10)] long SaleRevenueFen,
    [property: Id(11)] bool PaidSale);
