using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>A campaign's results, from counters kept as claims, redemptions and refusals happen.</summary>
/// <param name="State">The campaign's phase name; <c>ended</c> for closed results.</param>
/// <param name="Claimants">Shoppers who claimed at least one coupon (coupons received by transfer do not count).</param>
/// <param name="Redeemed">Coupons with a standing (not refunded) use.</param>
/// <param name="DiscountGiven">The discount of every standing use, in <see cref="Currency"/>.</param>
/// <param name="SoldOutAt">When the last coupon of the stock was issued, if the campaign sold out.</param>
/// <param name="Refusals">Refused claims by code: the grain's and the API nodes'.</param>
/// <param name="Risk">Risk decisions on the campaign by verdict (<c>refused</c>, <c>flagged</c>), then rule.</param>
/// <param name="Closed">When the claims' results were frozen at the end of the sale; null while it runs.</param>
/// <param name="Units">A group's batches or variants, each with its own results; the group's figures add them up
/// (while it runs, its claimants count a shopper once per batch they claimed in; once closed, once).</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignResults")]
public sealed record CampaignResults(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] string Name,
    [property: Id(2)] string State,
    [property: Id(3)] int TotalStock,
    [property: Id(4)] int Issued,
    [property: Id(5)] string Currency,
    [property: Id(6)] DateTimeOffset StartsAt,
    [property: Id(7)] int Claimants,
    [property: Id(8)] int Redeemed,
    [property: Id(9)] decimal DiscountGiven,
    [property: Id(10)] DateTimeOffset? SoldOutAt,
    [property: Id(11)] ImmutableDictionary<string, long> Refusals,
    [property: Id(12)] ImmutableDictionary<string, ImmutableDictionary<string, long>> Risk,
    [property: Id(13)] DateTimeOffset AsOf,
    [property: Id(14)] DateTimeOffset? Closed,
    [property: Id(15)] ImmutableArray<UnitResults> Units = default,
    [property: Id(16)] SaleResults? Sale = null);

/// <summary>
/// A paid sale's orders: placed (one per claim), paid in time, expired unpaid, refunded, still waiting;
/// the revenue captured for paid orders, and what went back to shoppers (late or duplicate payments, refunds).
/// Amounts in fen.
/// </summary>
[GenerateSerializer, Immutable, Alias("FlashSale.SaleResults")]
public sealed record SaleResults(
    [property: Id(0)] int Orders,
    [property: Id(1)] int Paid,
    [property: Id(2)] int Expired,
    [property: Id(3)] int Refunded,
    [property: Id(4)] int Pending,
    [property: Id(5)] long RevenueFen,
    [property: Id(6)] long RefundedFen)
{
    /// <summary>Orders paid in time, of orders that are no longer waiting.</summary>
    public decimal PaidConversion => Orders - Pending == 0 ? 0m : decimal.Round((decimal)Paid / (Orders - Pending), 4);
}

/// <summary>One batch's or variant's results within its group's.</summary>
[GenerateSerializer, Immutable, Alias("FlashSale.UnitResults")]
public sealed record UnitResults(
    [property: Id(0)] CampaignUnitKind Kind,
    [property: Id(1)] string Key,
    [property: Id(2)] CampaignResults Results);
