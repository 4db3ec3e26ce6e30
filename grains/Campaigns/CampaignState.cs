using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Campaigns;

/// <summary>
/// What Orleans storage keeps for a campaign: its configuration only. Counts and coupons live in
/// the ledger, so this record never grows with claims and is not rewritten by them.
/// </summary>
[GenerateSerializer, Alias("FlashSale.CampaignState")]
public sealed class CampaignState
{
    [Id(0)]
    public CampaignDefinition? Definition { get; set; }
}
