namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// A campaign's results; stateless, any silo answers. A closed campaign's come from what its end
/// froze, without waking the campaign grain (which would read its whole ledger); a running one's
/// from the campaign grain.
/// </summary>
[Alias("FlashSale.ICampaignResultsGrain")]
public interface ICampaignResultsGrain : IGrainWithIntegerKey
{
    /// <summary>Null when there is no such campaign.</summary>
    [Alias("Of")]
    Task<CampaignResults?> Of(Guid campaignId);
}
