using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>A campaign's results so far, from counters kept as claims, redemptions and refusals happen.</summary>
/// <param name="Claimants">Shoppers who claimed at least one coupon (coupons received by transfer do not count).</param>
/// <param name="Redeemed">Coupons with a standing (not refunded) use.</param>
/// <param name="DiscountGiven">The discount of every standing use, in the coupon's currency.</param>
/// <param name="SoldOutAt">When the last coupon of the stock was issued, while the campaign is sold out.</param>
/// <param name="Refusals">Refused claims by code: the grain's and the API nodes'.</param>
/// <param name="Risk">Risk decisions on the campaign by verdict (<c>refused</c>, <c>flagged</c>), then rule.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignResults")]
public sealed record CampaignResults(
    [property: Id(0)] CampaignView Campaign,
    [property: Id(1)] int Claimants,
    [property: Id(2)] int Redeemed,
    [property: Id(3)] decimal DiscountGiven,
    [property: Id(4)] DateTimeOffset? SoldOutAt,
    [property: Id(5)] ImmutableDictionary<string, long> Refusals,
    [property: Id(6)] ImmutableDictionary<string, ImmutableDictionary<string, long>> Risk);
