using FlashSale.GrainInterfaces.Campaigns;

namespace FlashSale.Api.Campaigns;

/// <summary>
/// References to campaign grains for the claim path. Orleans' <c>GetGrain&lt;T&gt;(key)</c> resolves
/// the interface's grain type by reflection on every call, which measured about 5% of this node's CPU
/// per claim; the type is resolved once here and each reference is built from it.
/// </summary>
public sealed class CampaignGrains(IClusterClient cluster)
{
    private readonly Lazy<(GrainType Grain, GrainInterfaceType Interface)> _types = new(() =>
    {
        var sample = (GrainReference)(object)cluster.GetGrain<ICampaignGrain>(Guid.Empty);
        return (sample.GrainId.Type, sample.InterfaceType);
    });

    public ICampaignGrain Of(Guid campaignId)
    {
        var (grain, contract) = _types.Value;
        return (ICampaignGrain)cluster.GetGrain(GrainId.Create(grain, GrainIdKeyExtensions.CreateGuidKey(campaignId)), contract);
    }
}
