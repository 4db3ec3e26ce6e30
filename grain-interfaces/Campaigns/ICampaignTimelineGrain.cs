namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// One campaign's sale over time for the results page (key: the campaign id). Everyone watching the same
/// campaign shares one reading of its rows, taken again at most every couple of seconds.
/// </summary>
[Alias("FlashSale.ICampaignTimelineGrain")]
public interface ICampaignTimelineGrain : IGrainWithGuidKey
{
    /// <summary>Null when there is no such campaign.</summary>
    [Alias("Read")]
    Task<CampaignTimeline?> Read(int maxBuckets);
}
