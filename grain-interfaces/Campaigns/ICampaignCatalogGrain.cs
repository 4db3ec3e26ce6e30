using System.Collections.Immutable;

namespace FlashSale.GrainInterfaces.Campaigns;

/// <summary>Finds campaigns in the ledger; stateless, any silo answers. Their live state comes from their own grains.</summary>
[Alias("FlashSale.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Campaigns that have not ended at <paramref name="now"/>: the soonest to open first, at most <paramref name="limit"/>.</summary>
    [Alias("NotEnded")]
    Task<ImmutableArray<Guid>> NotEnded(DateTimeOffset now, int limit);
}
