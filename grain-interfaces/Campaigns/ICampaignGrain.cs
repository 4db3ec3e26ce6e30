using FlashSale.GrainInterfaces.Claims;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>
/// One campaign's stock. Every claim on the campaign goes through this grain, which admits it
/// against the stock and limits held in memory and group-commits admitted claims to the ledger.
/// </summary>
[Alias("FlashSale.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithGuidKey
{
    /// <summary>Creates the campaign; returns null when a campaign with this id already exists.</summary>
    [Alias("Create")]
    Task<CampaignView?> Create(CampaignDefinition definition);

    /// <summary>The campaign with live counts, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<CampaignView?> Get();

    [Alias("Claim")]
    Task<ClaimResult> Claim(ClaimRequest request);
}
