using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Grains.Campaigns;

[StatelessWorker]
public sealed class CampaignResultsGrain(CampaignResultsStore results, TimeProvider clock) : Grain, ICampaignResultsGrain
{
    public async Task<CampaignResults?> Of(Guid campaignId) =>
        await results.ClosedAsync(campaignId, clock.GetUtcNow()) ?? await GrainFactory.GetGrain<ICampaignGrain>(campaignId).Results();
}
