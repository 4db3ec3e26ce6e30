using FlashSale.Api.Campaigns;
using FlashSale.Api.Gates;

namespace FlashSale.Api.Live;

/// <summary>
/// Whether an id a client sent names a campaign, answered without waking the campaign's grain, so
/// that subscribing to made-up ids cannot make the cluster activate a grain (and read its storage)
/// per id. A gate this node holds proves the campaign exists; ids recently found missing are
/// answered from memory; anything else is one lookup of the campaign's ledger row (its owner, which
/// a ledger row always has: <see cref="CampaignOwners"/>).
/// </summary>
public sealed class CampaignExistence(CampaignOwners owners, LocalGates gates, UnknownCampaigns unknown)
{
    public async Task<bool> ExistsAsync(Guid campaignId)
    {
        if (unknown.Contains(campaignId))
        {
            return false;
        }

        if (gates.For(campaignId) is not null || await owners.OfAsync(campaignId) is not null)
        {
            return true;
        }

        unknown.Remember(campaignId);
        return false;
    }
}
