using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// What the results page draws: a campaign's sale over time, and its return on the discount given.
/// Read from the ledger and the tables kept beside it; stateless, any silo answers, no campaign grain wakes.
/// </summary>
[Alias("FlashSale.ICampaignInsightsGrain")]
public interface ICampaignInsightsGrain : IGrainWithIntegerKey
{
    /// <summary>Null when there is no such campaign.</summary>
    [Alias("Timeline")]
    Task<CampaignTimeline?> Timeline(Guid campaignId, int maxBuckets);

    /// <summary>The campaigns among <paramref name="campaignIds"/> that exist (and are <paramref name="merchant"/>'s, unless null), in the order asked.</summary>
    [Alias("Roi")]
    Task<ImmutableArray<CampaignRoi>> Roi(ImmutableArray<Guid> campaignIds, string? merchant);

    /// <summary>The top-level campaigns opening in [<paramref name="from"/>, <paramref name="to"/>), latest first, at most <paramref name="limit"/>.</summary>
    [Alias("RoiOpeningBetween")]
    Task<ImmutableArray<CampaignRoi>> RoiOpeningBetween(string? merchant, DateTimeOffset? from, DateTimeOffset? to, int limit);
}
