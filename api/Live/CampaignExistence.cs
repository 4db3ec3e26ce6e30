using FlashSale.Api.Gates;
using FlashSale.GrainInterfaces.Live;

namespace FlashSale.Api.Live;

/// <summary>
/// Whether an id a client sent names a campaign, answered without waking the campaign's grain, so
/// that subscribing to made-up ids cannot make the cluster activate a grain (and read its storage)
/// per id. A gate this node holds proves the campaign exists; ids recently found missing are
/// answered from memory; anything else is one lookup of the campaign's ledger row.
/// </summary>
public sealed class CampaignExistence(IClusterClient cluster, LocalGates gates, UnknownCampaigns unknown)
{
    public async Task<bool> ExistsAsync(Guid campaignId)
    {
        if (unknown.Contains(campaignId))
        {
            return false;
        }

        if (gates.For(campaignId) is not null || await cluster.GetGrain<ICampaignLookupGrain>(0).Exists(campaignId))
        {
            return true;
        }

        unknown.Remember(campaignId);
        return false;
    }
}
