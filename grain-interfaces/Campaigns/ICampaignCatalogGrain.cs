using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Finds campaigns in the ledger; stateless, any silo answers. Their live state comes from their own grains.</summary>
[Alias("FlashSale.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Campaigns by opening time (then id), soonest first, as their ledger rows show them.</summary>
    [Alias("Find")]
    Task<CampaignListingPage> Find(CampaignQuery query);

    /// <summary>The merchant a campaign belongs to; null when there is no such campaign. It never changes.</summary>
    [Alias("MerchantOf")]
    Task<string?> MerchantOf(Guid campaignId);
}

/// <summary>Which campaigns to list.</summary>
/// <param name="States">Phase names (<see cref="CampaignPhases.Name"/>, and <c>draft</c>) to include.</param>
/// <param name="From">Only campaigns that open at or after this instant.</param>
/// <param name="To">Only campaigns that open before this instant.</param>
/// <param name="Now">The instant the phases are judged at.</param>
/// <param name="Merchant">Only this merchant's campaigns; null: every merchant's.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignQuery")]
public sealed record CampaignQuery(
    [property: Id(0)] ImmutableArray<string> States,
    [property: Id(1)] DateTimeOffset? From,
    [property: Id(2)] DateTimeOffset? To,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] int Limit,
    [property: Id(5)] PagePosition? After,
    [property: Id(6)] string? Merchant = null);

[GenerateSerializer, Immutable, Alias("FlashSale.CampaignListingPage")]
public sealed record CampaignListingPage(
    [property: Id(0)] ImmutableArray<CampaignListing> Campaigns,
    [property: Id(1)] PagePosition? Next);

/// <summary>
/// A campaign as a list shows it, read from its ledger row: the counts lag the campaign grain's by
/// at most the group commit in flight.
/// </summary>
/// <param name="TotalStock">Created, topped up and recycled coupons: always <see cref="Issued"/> plus <see cref="Held"/> plus what remains.</param>
/// <param name="State">The phase at the query's instant: draft, scheduled, open, paused, sold_out or ended.</param>
/// <param name="Units">How many batches or variants it groups (0 for a plain campaign); their details are in the campaign itself.</param>
/// <param name="Held">A paid sale's units held by orders waiting for payment: <see cref="TotalStock"/> is issued + held + what remains.</param>
/// <param name="CashPriceFen">A paid sale's price in fen; null for other campaigns.</param>
/// <param name="PaymentWindow">How long a paid sale's orders wait for payment; null for other campaigns.</param>
[GenerateSerializer, Immutable, Alias("FlashSale.CampaignListing")]
public sealed record CampaignListing(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CouponTerms Terms,
    [property: Id(3)] int TotalStock,
    [property: Id(4)] int Issued,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] DateTimeOffset EndsAt,
    [property: Id(7)] string State,
    [property: Id(8)] int? PricePoints,
    [property: Id(9)] ImmutableArray<EarlyAccess> EarlyAccess,
    [property: Id(10)] int Units = 0,
    [property: Id(11)] int Held = 0,
    [property: Id(12)] long? CashPriceFen = null,
    [property: Id(13)] TimeSpan? PaymentWindow = null,
    [property: Id(14)] bool CardSecrets = false,
    [property: Id(15)] string? TimeZone = null);
