namespace FlashSale.GrainInterfaces.Live;

/// <summary>
/// Whether a campaign exists, read from its ledger row without waking its grain (which would read
/// its state and whole ledger); stateless, any silo answers. The live hub asks it before it calls a
/// campaign grain for an id a client sent.
/// </summary>
[Alias("FlashSale.ICampaignLookupGrain")]
public interface ICampaignLookupGrain : IGrainWithIntegerKey
{
    [Alias("Exists")]
    Task<bool> Exists(Guid campaignId);
}
