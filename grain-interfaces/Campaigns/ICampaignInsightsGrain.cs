using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// Campaigns' return on the discount given, for the results page (their sale over time is <see cref="ICampaignTimelineGrain"/>'s).
/// Read from the ledger and the tables kept beside it; stateless, any silo answers, no campaign grain wakes.
/// </summary>
[Alias("FlashSale.ICampaignInsightsGrain")]
public interface ICampaignInsightsGrain : IGrainWithIntegerKey
{
    /// <summary>The campaigns among <paramref name="campaignIds"/> that exist (and are <paramref name="merchant"/>'s, unless null), in the order asked.</summary>
    [Alias("Roi")]
    Task<ImmutableArray<CampaignRoi>> Roi(ImmutableArray<Guid> campaignIds, string? merchant);

    /// <summary>The top-level campaigns opening in [<paramref name="from"/>, <paramref name="to"/>), latest first, at most <paramref name="limit"/>.</summary>
    [Alias("RoiOpeningBetween")]
    Task<ImmutableArray<CampaignRoi>> RoiOpeningBetween(string? merchant, DateTimeOffset? from, DateTimeOffset? to, int limit);
}
